import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  ORGANISATION_TYPES,
  findCandidateOrganisations,
  findOrganisationMatches,
  findOrganisations,
  loadRegistry,
  nameVariants,
  readRegistry,
} from "../../../src/enrich/organisations.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DATA_DIR = join(ROOT, "content", "_data");
const SEEDS_DIR = join(ROOT, "tests", "fixtures", "seeds");

const registry = readRegistry(DATA_DIR);
const ids = (text: string): string[] => findOrganisations(text, registry).map((m) => m.id);

interface SeedExpectation {
  organisations_must?: string[];
  organisations_should?: string[];
  organisations_must_not?: string[];
}
const expected = parseYaml(readFileSync(join(SEEDS_DIR, "expected.yaml"), "utf8")) as Record<string, SeedExpectation>;
const seeds = Object.entries(expected).map(([file, expectation]) => ({
  file,
  expectation,
  text: readFileSync(join(SEEDS_DIR, file), "utf8"),
}));

describe("the registry file", () => {
  it("has at least 45 valid entries", () => {
    expect(registry.organisations.length).toBeGreaterThanOrEqual(45);
    for (const entry of registry.organisations) {
      expect(ORGANISATION_TYPES).toContain(entry.type);
      if (entry.parent) expect(registry.byId.has(entry.parent), `${entry.id} parent`).toBe(true);
    }
  });

  it("has the ids the rest of the site refers to", () => {
    for (const id of [
      "un", "unodc", "un-general-assembly", "un-security-council", "human-rights-council", "ccpcj", "unhcr",
      "unicef", "ohchr", "iom", "ilo", "un-women", "undp", "unfpa", "un-special-rapporteur-trafficking",
      "interpol", "europol", "afripol", "aseanapol", "gcc", "league-of-arab-states",
      "arab-interior-ministers-council", "nauss", "african-union", "ecowas", "eu", "european-commission",
      "council-of-the-eu", "european-parliament", "frontex", "osce", "council-of-europe", "greta", "asean", "oas",
      "qatar-national-committee-trafficking", "argentina-federal-police", "argentina-ministry-of-security",
      "france-ministry-foreign-affairs", "expertise-france", "walk-free", "la-strada-international",
      "anti-slavery-international", "polaris", "ecpat", "amnesty-international", "human-rights-watch", "icrc", "ifrc",
    ]) {
      expect(registry.byId.has(id), id).toBe(true);
    }
  });

  it("every name of every entry finds its own entry", () => {
    for (const entry of registry.organisations) {
      const names = [entry.name_ar, entry.short_ar, ...entry.variants_ar, entry.name_en, ...entry.names_latin, ...entry.acronyms];
      for (const name of names) {
        expect(ids(`نص ${name} نص`), `${entry.id}: ${name}`).toEqual([entry.id]);
      }
    }
  });
});

describe("the seed texts", () => {
  it.each(seeds)("$file names its required and expected organisations and no wrong ones", ({ expectation, text }) => {
    const found = ids(text);
    for (const id of expectation.organisations_must ?? []) expect(found, `must: ${id}`).toContain(id);
    for (const id of expectation.organisations_should ?? []) expect(found, `should: ${id}`).toContain(id);
    for (const id of expectation.organisations_must_not ?? []) expect(found, `must not: ${id}`).not.toContain(id);
  });

  it("finds nothing in seed 004 but INTERPOL", () => {
    const seed = seeds.find((s) => s.file.startsWith("004"))!;
    expect(findOrganisations(seed.text, registry)).toEqual([{ id: "interpol", count: 5 }]);
  });

  it("counts seed 002 exactly: UNODC is not also counted as the UN", () => {
    const seed = seeds.find((s) => s.file.startsWith("002"))!;
    expect(findOrganisations(seed.text, registry)).toEqual([
      { id: "gcc", count: 3 },
      { id: "un", count: 3 },
      { id: "unodc", count: 3 },
      { id: "ccpcj", count: 1 },
    ]);
  });

  it("counts the Council of the EU apart from the EU in seed 003", () => {
    const seed = seeds.find((s) => s.file.startsWith("003"))!;
    const counts = Object.fromEntries(findOrganisations(seed.text, registry).map((m) => [m.id, m.count]));
    expect(counts["council-of-the-eu"]).toBe(2);
    expect(counts["eu"]).toBe(4);
    expect(counts["unodc"]).toBe(5);
    expect(counts["un"]).toBe(1);
  });
});

describe("findOrganisations: nested names", () => {
  it.each([
    ["مكتب الأمم المتحدة المعني بالمخدرات والجريمة", ["unodc"]],
    ["شدد المدير التنفيذي لمكتب الأمم المتحدة المعني بالمخدرات والجريمة", ["unodc"]],
    ["الجمعية العامة للأمم المتحدة", ["un-general-assembly"]],
    ["مجلس الاتحاد الأوروبي", ["council-of-the-eu"]],
    ["الرئاسة الفرنسية لمجلس الاتحاد الأوروبي", ["council-of-the-eu"]],
    ["اللجنة التنفيذية للإنتربول", ["interpol"]],
    ["مجلس التعاون لدول الخليج العربية", ["gcc"]],
    ["وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون", ["europol"]],
    ["منظمة الأمم المتحدة للطفولة", ["unicef"]],
    ["آلية الاتحاد الأفريقي للتعاون الشرطي", ["afripol"]],
  ])("%s", (text, expectedIds) => {
    expect(ids(text)).toEqual(expectedIds);
  });

  it("counts the outer and the inner name when they are written apart", () => {
    expect(findOrganisations("الاتحاد الأوروبي ومجلس الاتحاد الأوروبي والاتحاد الأوروبي", registry)).toEqual([
      { id: "eu", count: 2 },
      { id: "council-of-the-eu", count: 1 },
    ]);
  });
});

describe("findOrganisations: spellings and prefixes", () => {
  it.each([
    "الإنتربول",
    "الانتربول",
    "إنتربول",
    "انتربول",
    "الأنتربول",
    "للإنتربول",
    "والإنتربول",
    "بالإنتربول",
    "وللإنتربول",
    "فالإنتربول",
    'لـ"الإنتربول"',
    "لـ’’الإنتربول‘‘",
    "الإِنْتَرْبُول",
    "المنظمة الدولية للشرطة الجنائية",
    "منظمة الشرطة الجنائية الدولية",
    "المنظمة العالمية للشرطة",
    "INTERPOL",
    "Interpol",
  ])("%s is INTERPOL", (form) => {
    expect(ids(`تعاون ${form} مع البلدان`)).toEqual(["interpol"]);
  });

  it.each([
    ["مجلس التعاون الخليجي", "gcc"],
    ["دول مجلس التعاون الخليجي", "gcc"],
    ["للجنة منع الجريمة والعدالة الجنائية", "ccpcj"],
    ["اللجنة الوطنية القَطرية لمكافحة الاتجار بالبشر", "qatar-national-committee-trafficking"],
    ["الشرطة الاتحادية الأرجنتينية", "argentina-federal-police"],
    ["ووزارة الأمن في الأرجنتين", "argentina-ministry-of-security"],
    ["وزارة الأمن الأرجنتينية", "argentina-ministry-of-security"],
    ["تحرص وزارة أوروبا والشؤون الخارجية", "france-ministry-foreign-affairs"],
    ["تنفذه الوكالة الفرنسية للخبرة الفنية الدولية", "expertise-france"],
    ["ومنظمة العمل الدولية", "ilo"],
    ["ومنظمة الأمن والتعاون في أوروبا", "osce"],
    ["المفوضية الأوروبية", "european-commission"],
    ["منظمه العمل الدوليه", "ilo"],
    ["الاتحاد الأوروبی", "eu"],
    ["مفوضية الأمم المتحدة السامية لشؤون اللاجئين", "unhcr"],
    ["المنظمة الدولية للهجرة", "iom"],
    ["منظمة العفو الدولية", "amnesty-international"],
    ["هيومن رايتس ووتش", "human-rights-watch"],
    ["اللجنة الدولية للصليب الأحمر", "icrc"],
  ])("%s is %s", (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it("does not take ambiguous short forms for a particular organisation", () => {
    expect(ids("الشرطة الاتحادية")).toEqual([]);
    expect(ids("الشرطة الاتحادية الألمانية")).toEqual([]);
    expect(ids("الجمعية العامة للإنتربول")).toEqual(["interpol"]);
    expect(ids("اجتمعت الجمعية العامة")).toEqual([]);
    expect(ids("اللجنة الوطنية لمكافحة الاتجار بالبشر")).toEqual([]);
    expect(ids("المسؤول الأممي")).toEqual([]);
    expect(ids("الشرطة الاتحادية والاتحادات")).toEqual([]);
  });

  it("does not find a name inside a longer word", () => {
    expect(ids("الإنتربوليون")).toEqual([]);
    expect(ids("الاتحاديون الأوروبيون")).toEqual([]);
  });
});

describe("findOrganisations: Latin", () => {
  it("matches acronyms case-sensitively as whole words", () => {
    expect(ids("تقرير UNODC لعام 2024")).toEqual(["unodc"]);
    expect(ids("تقرير unodc لعام 2024")).toEqual([]);
    expect(ids("UNODCs")).toEqual([]);
    expect(ids("EU and UN")).toEqual(["eu", "un"]);
    expect(ids("Eu and Un")).toEqual([]);
    expect(ids("the EURO")).toEqual([]);
  });

  it("matches Latin names ignoring case", () => {
    expect(ids("the european union")).toEqual(["eu"]);
    expect(ids("UNITED NATIONS OFFICE ON DRUGS AND CRIME")).toEqual(["unodc"]);
  });
});

describe("findOrganisations: counts and order", () => {
  it("counts mentions and sorts by count, then id", () => {
    const text = "الإنتربول والاتحاد الأوروبي ومكتب الأمم المتحدة المعني بالمخدرات والجريمة وللإنتربول";
    expect(findOrganisations(text, registry)).toEqual([
      { id: "interpol", count: 2 },
      { id: "eu", count: 1 },
      { id: "unodc", count: 1 },
    ]);
  });

  it("reports each match with its place in the text", () => {
    const text = "دعا الإنتربول";
    expect(findOrganisationMatches(text, registry)).toMatchObject([{ key: "interpol", start: 4, end: 13, text: "الإنتربول" }]);
  });

  it("finds nothing in a text without organisations", () => {
    expect(findOrganisations("", registry)).toEqual([]);
    expect(findOrganisations("نص عادي عن الطقس في الدوحة", registry)).toEqual([]);
  });
});

describe("findCandidateOrganisations", () => {
  it("lists organisation-like phrases the registry does not know", () => {
    const text =
      "وقالت وزارة الداخلية البحرينية في بيان إن وللجنة الوطنية لحقوق الإنسان دورا. وأشادت المفوضية الأوروبية بالجهود.";
    expect(findCandidateOrganisations(text, registry)).toEqual(["وزارة الداخلية البحرينية", "اللجنة الوطنية لحقوق الإنسان"]);
  });

  it("finds the unqualified names in the seeds", () => {
    const seed001 = seeds.find((s) => s.file.startsWith("001"))!;
    const seed002 = seeds.find((s) => s.file.startsWith("002"))!;
    expect(findCandidateOrganisations(seed001.text, registry)).toContain("الشرطة الاتحادية");
    expect(findCandidateOrganisations(seed001.text, registry)).toContain("اللجنة التنفيذية للإنتربول");
    expect(findCandidateOrganisations(seed002.text, registry)).toEqual(["مكتب الأمم المتحدة"]);
  });

  it("never lists a registry name", () => {
    for (const seed of seeds) {
      for (const candidate of findCandidateOrganisations(seed.text, registry)) {
        expect(ids(candidate).length, candidate).toBeLessThan(candidate.split(" ").length);
        expect(findOrganisationMatches(candidate, registry).some((m) => m.start === 0), candidate).toBe(false);
      }
    }
  });

  it("keeps phrases between two and six words, stops at punctuation and small words, and lists each once", () => {
    const text =
      "منظمة إجرامية. الشرطة لتحديد الحالات. اللجنة العليا الدائمة المشتركة الخاصة المعنية الجديدة جدا. " +
      "اللجنة الفنية في الوزارة، واللجنة الفنية، و«اللجنة الفنية».";
    expect(findCandidateOrganisations(text, registry)).toEqual([
      "اللجنة العليا الدائمة المشتركة الخاصة المعنية",
      "اللجنة الفنية",
    ]);
  });
});

describe("loadRegistry: validation", () => {
  const entry = (id: string, extra = ""): string => `
- id: ${id}
  name_ar: منظمة ${id === "a" ? "ألف" : id === "b" ? "باء" : "جيم"}
  short_ar: ${id === "a" ? "ألف" : id === "b" ? "باء" : "جيم"}
  name_en: Organisation ${id}
  acronyms: []
  variants_ar: []
  names_latin: []
  type: ngo${extra}`;

  it("loads a valid registry", () => {
    const loaded = loadRegistry(entry("a") + entry("b", "\n  parent: a\n  website: https://example.org"));
    expect(loaded.organisations.map((o) => o.id)).toEqual(["a", "b"]);
    expect(loaded.byId.get("b")?.parent).toBe("a");
    expect(findOrganisations("عن منظمة باء", loaded)).toEqual([{ id: "b", count: 1 }]);
  });

  it("names the entry and field of a duplicate id", () => {
    expect(() => loadRegistry(entry("a") + entry("a"))).toThrow(/entry "a" \(#2\): `id` "a" is used by 2 entries/);
  });

  it("names the entry and field of a missing field", () => {
    const yaml = entry("a").replace(/\n {2}name_en: .*/, "");
    expect(() => loadRegistry(yaml)).toThrow(/entry "a" \(#1\): `name_en` is missing/);
  });

  it("names the entry and field of an unknown type", () => {
    expect(() => loadRegistry(entry("a").replace("type: ngo", "type: charity"))).toThrow(
      /entry "a" \(#1\): `type` "charity" is not a known type/,
    );
  });

  it("names both entries when a name belongs to two", () => {
    const yaml = entry("a") + entry("b").replace("short_ar: باء", "short_ar: ألف");
    expect(() => loadRegistry(yaml)).toThrow(/entry "b" \(#2\): name "ألف" is already a name of entry "a" \(#1\)/);
  });

  it("compares names the way the matcher does", () => {
    const yaml = entry("a") + entry("b", "\n  variants_ar: [ألِف]").replace("  variants_ar: []\n", "");
    expect(() => loadRegistry(yaml)).toThrow(/name "ألِف" is already a name of entry "a"/);
  });

  it("lists every problem at once", () => {
    const yaml =
      entry("a").replace("type: ngo", "type: charity") +
      entry("a") +
      entry("c").replace(/\n {2}short_ar: .*/, "") +
      "\n  parent: nowhere\n  colour: blue";
    let message = "";
    try {
      loadRegistry(yaml);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/6 problem\(s\)/);
    expect(message).toContain('entry "a" (#1): `id` "a" is used by 2 entries');
    expect(message).toContain('entry "a" (#1): `type` "charity"');
    expect(message).toContain('entry "a" (#2): `id`');
    expect(message).toContain('entry "c" (#3): `short_ar` is missing');
    expect(message).toContain('entry "c" (#3): `parent` "nowhere" is not the id of an entry');
    expect(message).toContain('entry "c" (#3): `colour` is not a known field');
  });

  it("rejects a bad id, a non-Arabic Arabic name, a bad website and a file that is not a list", () => {
    expect(() => loadRegistry(entry("a").replace("id: a", "id: Bad_Id"))).toThrow(/`id` must be lower-case/);
    expect(() => loadRegistry(entry("a").replace("short_ar: ألف", "short_ar: Alef"))).toThrow(/`short_ar` must be written in Arabic/);
    expect(() => loadRegistry(entry("a", "\n  website: example.org"))).toThrow(/`website` must be a web address/);
    expect(() => loadRegistry("id: a")).toThrow(/must be a list/);
  });
});

describe("findOrganisations: the press's variants of a name", () => {
  it.each([
    "نظمت وكالة الأمم المتحدة لمكافحة المخدرات والجريمة ورشة",
    "نظمت وكالة الامم المتحدة لمكافحة المخدرات والجريمة ورشة",
    "قال مكتب الأمم المتحدة المعني بالجريمة والمخدرات",
    "قالت هيئة الأمم المتحدة المعنية بالمخدرات والجريمة",
    "بدعم من مكتب الأمم المتحدة لمكافحة الجريمة والمخدرات",
    "بحسب مكتب الأمم المتحدة لشؤون المخدرات والجريمة",
    "بحسب مكتب الأممالمتحدة المعني بالمخدرات والجريمة",
    "بحسب مكتبالأمم المتحدة المعني بالمخدرات والجريمة",
    "بحسب مكتب الأمم المتحدة المعنيبالمخدرات والجريمة",
    "ولوكالة الأمم المتحدة لمكافحة المخدرات والجريمة دور",
  ])("%s -> UNODC only", (text) => {
    expect(ids(text)).toEqual(["unodc"]);
  });

  it("keeps generic words and half names from matching", () => {
    expect(ids("تجارة المخدرات والجريمة المنظمة عبر الحدود")).toEqual([]);
    expect(ids("الجريمة والمخدرات")).toEqual([]);
    expect(ids("مكتب المعني بالمخدرات")).toEqual([]);
    expect(ids("وكالة الأمم المتحدة")).toEqual(["un"]);
    expect(ids("الاممالمتحدة")).toEqual(["un"]);
    expect(ids("الأمميون المتحدون")).toEqual([]);
  });

  it("makes word-order, head-word and المعني/المعنية variants of a listed name", () => {
    const made = nameVariants("مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
    expect(made).toContain("مكتب الأمم المتحدة المعني بالجريمة والمخدرات");
    expect(made).toContain("وكالة الأمم المتحدة المعنية بالجريمة والمخدرات");
    expect(made).toContain("هيئة الأمم المتحدة المعني بالمخدرات والجريمة");
    expect(nameVariants("مكتب الأمم المتحدة للمخدرات والجريمة")).toContain("مكتب الأمم المتحدة للجريمة والمخدرات");
    // Three words: "هيئة الأمم المتحدة" is the UN itself, so no head word is exchanged.
    expect(nameVariants("هيئة الأمم المتحدة")).toEqual([]);
  });
});
