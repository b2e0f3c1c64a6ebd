import { describe, expect, it } from "vitest";
import { KeptWhileSame } from "../../../src/arabic/memo.ts";
import { buildOrganisations, coOccurrences, documentsByOrganisation, type OrganisationPageView } from "../../../src/site/organisations.ts";
import { contextWith, doc, labels } from "./browse-helpers.ts";

const context = contextWith({ monthNames: "both", digits: "western", pageSize: 50 });
const known = context.registry.byId;

const corpus = [
  doc("a", "2021-11-20", { interpol: 3, iom: 2 }),
  doc("b", "2021-11", { interpol: 1, unodc: 1 }),
  doc("c", "2019-03-02", { unodc: 2, interpol: 1, iom: 1 }),
  doc("d", "2018", { iom: 1 }),
  doc("e", null, { interpol: 1, "walk-free": 1 }),
  doc("f", null, { "walk-free": 0 }),
  doc("g", "2016-06-01", { europol: 1, interpol: 11 }),
  doc("h", "2017-01-01", { "not-in-registry": 2 }),
];

describe("documentsByOrganisation", () => {
  it("lists each organisation's documents in timeline order, for registry ids only", () => {
    const byId = documentsByOrganisation(corpus, known);
    expect(byId.get("interpol")?.map((document) => document.slug)).toEqual(["a", "b", "c", "g", "e"]);
    expect(byId.has("not-in-registry")).toBe(false);
  });
});

describe("the organisation index", () => {
  const { index } = buildOrganisations(corpus, labels, context);

  it("groups organisations by type in the labels' order, skipping empty types", () => {
    expect(index.groups.map((group) => [group.heading, group.count])).toEqual([
      ["منظومة الأمم المتحدة", "منظمتان"],
      ["أجهزة الشرطة والتعاون الشرطي", "منظمتان"],
      ["منظمات غير حكومية", "منظمة واحدة"],
    ]);
  });

  it("sorts each type by number of documents, then by name", () => {
    const un = index.groups[0]!.entries;
    expect(un.map((entry) => [entry.id, entry.count])).toEqual([
      ["iom", "3 وثائق"],
      ["unodc", "وثيقتان"],
    ]);
    expect(index.groups[1]!.entries.map((entry) => entry.id)).toEqual(["interpol", "europol"]);
    expect(un[0]).toMatchObject({ url: "/organisations/iom/", name: "المنظمة الدولية للهجرة", acronym: "IOM", nameEn: "International Organization for Migration" });
  });

  it("says how many organisations have documents", () => {
    expect(index.summary).toBe("5 منظمات تذكرها وثائق الأرشيف، مرتبة حسب النوع ثم عدد الوثائق.");
  });
});

describe("an organisation's page", () => {
  const { pages } = buildOrganisations(corpus, labels, context);
  const interpol = pages.find((page) => page.id === "interpol")!;

  it("carries the registry's names, type, website and parent", () => {
    expect(interpol).toMatchObject({
      url: "/organisations/interpol/",
      title: "الإنتربول",
      heading: "المنظمة الدولية للشرطة الجنائية",
      shortName: "الإنتربول",
      nameEn: "International Criminal Police Organization",
      acronyms: "INTERPOL, ICPO, OIPC",
      type: "أجهزة الشرطة والتعاون الشرطي",
      website: "https://www.interpol.int",
      parent: null,
      summary: "5 وثائق في الأرشيف تذكرها.",
      feed: { url: "/organisations/interpol/feed.xml", title: "الإنتربول: أحدث الوثائق" },
    });
    // Europol belongs to the EU, which has no documents here: named, not linked.
    expect(pages.find((page) => page.id === "europol")?.parent).toEqual({ name: "الاتحاد الأوروبي", url: null });
    expect(pages.find((page) => page.id === "unodc")?.parent).toEqual({ name: "الأمم المتحدة", url: null });
  });

  it("links to a search for its short name", () => {
    expect(interpol.searchUrl).toBe(`/search/?q=${encodeURIComponent("الإنتربول")}`);
  });

  it("lists its documents newest first, undated last, with how often each names it", () => {
    expect(interpol.documents.map((entry) => [entry.url, entry.mentions])).toEqual([
      ["/documents/a/", "ذُكرت 3 مرات"],
      ["/documents/b/", "ذُكرت مرة واحدة"],
      ["/documents/c/", "ذُكرت مرة واحدة"],
      ["/documents/g/", "ذُكرت 11 مرة"],
      ["/documents/e/", "ذُكرت مرة واحدة"],
    ]);
    const iom = pages.find((page) => page.id === "iom")!;
    expect(iom.documents[0]!.mentions).toBe("ذُكرت مرتين");
    const walkFree = pages.find((page) => page.id === "walk-free")!;
    expect(walkFree.documents.map((entry) => entry.mentions)).toEqual(["ذُكرت مرة واحدة", "أضافها المحرر ولم تُذكر بالاسم"]);
  });

  it("charts its dated documents per year", () => {
    expect(interpol.chart?.id).toBe("chart-interpol");
    expect(interpol.chart?.bars.map((bar) => [bar.year, bar.value])).toEqual([
      [2016, 1],
      [2017, 0],
      [2018, 0],
      [2019, 1],
      [2020, 0],
      [2021, 2],
    ]);
    expect(interpol.chart?.description).toContain("الوثائق غير المؤرخة (1)");
    expect(pages.find((page) => page.id === "walk-free")?.chart).toBeNull();
  });

  it("lists the organisations named in the same documents, most shared first", () => {
    expect(interpol.related.map((other) => [other.id, other.url, other.count])).toEqual([
      ["iom", "/organisations/iom/", "في وثيقتين"],
      ["unodc", "/organisations/unodc/", "في وثيقتين"],
      ["europol", "/organisations/europol/", "في وثيقة واحدة"],
      ["walk-free", "/organisations/walk-free/", "في وثيقة واحدة"],
    ]);
  });
});

describe("coOccurrences", () => {
  it("counts shared documents, orders by count then Arabic name, and keeps the top eight", () => {
    const ids = ["un", "unodc", "unhcr", "unicef", "ohchr", "iom", "ilo", "europol", "gcc", "osce"];
    const documents = [
      doc("1", "2020", Object.fromEntries(["interpol", ...ids].map((id) => [id, 1]))),
      doc("2", "2020", { interpol: 1, osce: 1, gcc: 1 }),
      doc("3", "2020", { interpol: 1, osce: 1 }),
      doc("4", "2020", { osce: 5, iom: 1 }), // no INTERPOL: does not count
    ];
    const related = coOccurrences("interpol", documents, known);
    expect(related).toHaveLength(8);
    expect(related[0]).toEqual({ id: "osce", name: "منظمة الأمن والتعاون في أوروبا", shared: 3 });
    expect(related[1]).toEqual({ id: "gcc", name: "مجلس التعاون الخليجي", shared: 2 });
    const rest = related.slice(2);
    expect(rest.every((other) => other.shared === 1)).toBe(true);
    const names = rest.map((other) => other.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "ar")));
    expect(related.some((other) => other.id === "interpol")).toBe(false);
  });
});

describe("organisation pages longer than the page size", () => {
  const many = Array.from({ length: 12 }, (_, index) => doc(`n${String(index).padStart(2, "0")}`, `${2000 + index}-01-01`, { iom: 1, interpol: 1 }));
  const { pages } = buildOrganisations(many, labels, contextWith({ pageSize: 5, digits: "western" }));
  const iom = pages.filter((page) => page.id === "iom");

  it("splits the document list into pages of the page size", () => {
    expect(iom.map((page) => [page.url, page.documents.length])).toEqual([
      ["/organisations/iom/", 5],
      ["/organisations/iom/2/", 5],
      ["/organisations/iom/3/", 2],
    ]);
    expect(iom[0]!.documents[0]!.url).toBe("/documents/n11/");
    expect(iom[2]!.documents.at(-1)!.url).toBe("/documents/n00/");
    expect(iom[1]!.title).toBe("المنظمة الدولية للهجرة (صفحة 2)");
    expect(iom[2]!.pager?.previous?.url).toBe("/organisations/iom/2/");
  });

  it("keeps the whole-archive summary, chart and related list on every page", () => {
    for (const page of iom) {
      expect(page.summary).toBe("12 وثيقة في الأرشيف تذكرها.");
      expect(page.chart?.bars).toHaveLength(12);
      expect(page.related).toEqual([{ id: "interpol", url: "/organisations/interpol/", name: "الإنتربول", shared: 12, count: "في 12 وثيقة" }]);
    }
  });
});

describe("organisation pages kept from one build to the next (the development server)", () => {
  it("keeps the pages of an organisation whose documents are the same objects, and makes the others again", () => {
    const kept = new KeptWhileSame<OrganisationPageView>();
    const first = buildOrganisations(corpus, labels, context, kept).pages;
    // Document "d" (IOM only) is saved again: a new object for the same file.
    const saved = corpus.map((document) => (document.slug === "d" ? { ...document, title: "عنوان جديد" } : document));
    const second = buildOrganisations(saved, labels, context, kept).pages;
    const byId = (pages: OrganisationPageView[], id: string) => pages.find((page) => page.id === id);
    expect(byId(second, "interpol")).toBe(byId(first, "interpol"));
    expect(byId(second, "unodc")).toBe(byId(first, "unodc"));
    expect(byId(second, "iom")).not.toBe(byId(first, "iom"));
    expect(byId(second, "iom")?.documents.map((entry) => entry.title)).toContain("عنوان جديد");
    // The same pages as a build without anything kept.
    expect(second).toEqual(buildOrganisations(saved, labels, context).pages);
  });

  it("keeps the other pages of a long list when a document on one page is saved, unless the organisation's figures change", () => {
    const pageContext = contextWith({ pageSize: 5, digits: "western" });
    const many = Array.from({ length: 12 }, (_, index) => doc(`n${String(index).padStart(2, "0")}`, `${2000 + index}-01-01`, { iom: 1 }));
    const iomPages = (pages: OrganisationPageView[]) => pages.filter((page) => page.id === "iom");
    const kept = new KeptWhileSame<OrganisationPageView>();
    const first = iomPages(buildOrganisations(many, labels, pageContext, kept).pages);
    // n00, the oldest, is on the third page; its new title changes no count.
    const retitled = many.map((document) => (document.slug === "n00" ? { ...document, title: "عنوان جديد" } : document));
    const second = iomPages(buildOrganisations(retitled, labels, pageContext, kept).pages);
    expect(second.map((page, n) => page === first[n])).toEqual([true, true, false]);
    // Moved to another year: the chart changes on every page.
    const redated = retitled.map((document) => (document.slug === "n00" ? doc("n00", "2011-06-01", { iom: 1 }) : document));
    const third = iomPages(buildOrganisations(redated, labels, pageContext, kept).pages);
    expect(third.map((page, n) => page === second[n])).toEqual([false, false, false]);
    expect(third).toEqual(iomPages(buildOrganisations(redated, labels, pageContext).pages));
  });
});
