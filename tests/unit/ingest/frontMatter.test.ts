import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../src/ingest/frontMatter.ts";

describe("splitFrontMatter", () => {
  it("returns the text unchanged when there is no front matter", () => {
    expect(splitFrontMatter("عنوان\n\nنص")).toEqual({ ok: true, data: {}, body: "عنوان\n\nنص", bodyLineOffset: 0, keyLines: {} });
  });

  it("parses the YAML, keeps the body, and knows the file line of every key", () => {
    const result = splitFrontMatter("---\ntitle: عنوان\n# a comment\ndate: 2020-03-15\nplace:\n  city: الدوحة\n---\nنص\n");
    expect(result).toMatchObject({ ok: true, body: "نص\n", bodyLineOffset: 7, keyLines: { title: 2, date: 4, place: 5 } });
    if (result.ok) expect(result.data.title).toBe("عنوان");
  });

  it("reports malformed YAML at the line of the file, not of the YAML", () => {
    expect(splitFrontMatter("---\ntitle: عنوان\ndate: [2020-01-01\n---\nنص\n")).toEqual({
      ok: false,
      line: 3,
      problem: "front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])",
      fix: "correct the YAML between the --- lines; quote values that contain a colon",
    });
    expect(splitFrontMatter("---\ntitle: a\ntitle: b\n---\nنص")).toMatchObject({ ok: false, line: 3, problem: expect.stringContaining("Map keys must be unique") });
  });

  it("reports front matter that never closes, or is not a set of keys", () => {
    expect(splitFrontMatter("---\ntitle: عنوان\nنص")).toMatchObject({ ok: false, line: 1, problem: "front matter starts with --- but never ends" });
    expect(splitFrontMatter("---\n- a\n- b\n---\nنص")).toMatchObject({ ok: false, line: 2, problem: "front matter is not a set of `key: value` lines" });
  });
});
