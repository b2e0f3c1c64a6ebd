import { beforeAll, describe, expect, it } from "vitest";
import { Project } from "../../../src/project.ts";
import { buildDocument } from "../../../src/documents/pipeline.ts";
import { filterLabels, searchRecord, UNDATED_SORT_KEY } from "../../../src/search/records.ts";
import { decodeIndexText } from "../../../src/search/words.ts";

let project: Project;

beforeAll(async () => {
  project = await Project.load();
});

function record(text: string) {
  const { document } = buildDocument("report-2019.txt", "txt", new TextEncoder().encode(text), project.data);
  if (!document) throw new Error("fixture did not build");
  return { document, record: searchRecord(document, project.viewContext) };
}

describe("search records", () => {
  it("indexes the body as the page shows it, with title, date and place as metadata", () => {
    const { document, record: result } = record("تقرير الإنتربول، والإرهاب\n\n٦ ديسمبر، ٢٠١٧\n\nالدوحة (قطر) - قال “الإنتربول”، إن الدورة الـ34 والإرهاب…\n");
    expect(result.url).toBe(document.url);
    expect(result.language).toBe("ar");
    expect(decodeIndexText(result.content)).toBe(document.plainText);
    expect(decodeIndexText(result.meta.title!)).toBe(document.title);
    expect(decodeIndexText(result.meta.place!)).toBe("الدوحة، قطر");
    expect(decodeIndexText(result.meta.iso!)).toBe("2017-12-06");
    expect(result.meta.iso).not.toMatch(/[0-9]/);
    expect(result.sort).toEqual({ date: "2017-12-06" });
    expect(result.filters).toEqual({ organisation: ["interpol"], year: ["2017"] });
  });

  it("gives the names of every organisation mentioned, in both scripts, as hidden metadata, without the words the text holds", () => {
    const latin = decodeIndexText(record("مذكرة\n\nوقعت الوزارة مذكرة مع INTERPOL.\n").record.meta.names!).split(" ");
    expect(latin).toContain("الإنتربول");
    expect(latin.map((word) => word.toLowerCase())).not.toContain("interpol");
    const arabic = decodeIndexText(record("مذكرة\n\nوقعت الوزارة مذكرة مع الإنتربول.\n").record.meta.names!).split(" ");
    expect(arabic.map((word) => word.toLowerCase())).toContain("interpol"); // Pagefind folds case
    expect(arabic).not.toContain("الإنتربول");
  });

  it("sorts undated documents last and gives them no year", () => {
    const { record: result } = record("دورنا في مكافحة الاتجار\n\nنص بلا تاريخ.\n");
    expect(result.sort).toEqual({ date: UNDATED_SORT_KEY });
    expect(result.filters.year).toBeUndefined();
  });

  it("labels organisation filters with their short Arabic names", () => {
    expect(filterLabels(project.viewContext).organisation!.interpol).toBe("الإنتربول");
  });
});
