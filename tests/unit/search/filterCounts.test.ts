// The search page lists its organisation and year filters, with how many
// documents have each value, from counts the build writes into labels.json
// (filterCounts in browser.ts) rather than from Pagefind's filters(). They
// must be what Pagefind would report: the records' `filters`, counted once
// per document.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { Project } from "../../../src/project.ts";
import { buildDocument, type ArchiveDocument } from "../../../src/documents/pipeline.ts";
import { filterCounts, type FilterCounts } from "../../../src/search/browser.ts";
import { searchRecord } from "../../../src/search/records.ts";
import type { ViewContext } from "../../../src/site/views.ts";
import { fixturesDir } from "../../support/build.ts";

let project: Project;

beforeAll(async () => {
  project = await Project.load();
});

function documentOf(name: string, text: string): ArchiveDocument {
  const { document } = buildDocument(name, "txt", new TextEncoder().encode(text), project.data);
  if (!document) throw new Error(`fixture ${name} did not build`);
  return document;
}

/** What the index holds: every value of every record's filters, counted. */
function countedFromRecords(documents: readonly ArchiveDocument[], context: ViewContext): FilterCounts {
  const counts: FilterCounts = { organisation: {}, year: {} };
  for (const document of documents) {
    for (const [name, values] of Object.entries(searchRecord(document, context).filters)) {
      for (const value of new Set(values)) counts[name]![value] = (counts[name]![value] ?? 0) + 1;
    }
  }
  return counts;
}

describe("filterCounts", () => {
  it("counts the search fixture corpus as its records' filters do", () => {
    const { documents } = project.rescan(join(fixturesDir, "search-corpus"));
    const counts = filterCounts(documents, project.data.registry);
    expect(counts).toEqual(countedFromRecords(documents, project.viewContext));
    expect(counts.organisation).toMatchObject({ interpol: 5, unodc: 4, un: 2, iom: 1, unicef: 1 });
    expect(Object.keys(counts.organisation!)).toHaveLength(18);
    // Nine dated documents, one a year; the two undated ones have no year.
    expect(counts.year).toEqual({ 2017: 1, 2018: 1, 2019: 1, 2020: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1 });
    // The same counts, in the same order, whatever order the documents come in.
    expect(JSON.stringify(filterCounts([...documents].reverse(), project.data.registry))).toBe(JSON.stringify(counts));
  });

  it("counts a document once per organisation, however often it names it, and keeps front matter's choices", () => {
    const documents = [
      documentOf("twice-2019.txt", "الإنتربول والإنتربول\n\n٦ ديسمبر، ٢٠١٩\n\nقال الإنتربول إن INTERPOL يعمل مع الإنتربول.\n"),
      documentOf("front.txt", "---\norganisations: [unicef]\nnot_organisations: [interpol]\n---\nمذكرة\n\nنص يذكر الإنتربول في ٢٠١٩.\n"),
      documentOf("undated.txt", "مذكرة بلا تاريخ\n\nنص بلا منظمة.\n"),
    ];
    const counts = filterCounts(documents, project.data.registry);
    expect(counts).toEqual(countedFromRecords(documents, project.viewContext));
    expect(counts.organisation).toEqual({ interpol: 1, unicef: 1 });
    expect(counts.year).toEqual({ 2019: 1 });
  });

  it("leaves out organisations the registry does not know, as the records do", () => {
    const documents = [documentOf("memo.txt", "مذكرة\n\nوقعت الوزارة مذكرة مع INTERPOL ومكتب الأمم المتحدة المعني بالمخدرات والجريمة.\n")];
    const { registry } = project.data;
    const withoutInterpol = { ...registry, byId: new Map([...registry.byId].filter(([id]) => id !== "interpol")) };
    const counts = filterCounts(documents, withoutInterpol);
    expect(counts).toEqual(countedFromRecords(documents, { ...project.viewContext, registry: withoutInterpol }));
    expect(counts.organisation).not.toHaveProperty("interpol");
    expect(filterCounts(documents, registry).organisation).toHaveProperty("interpol", 1);
  });
});
