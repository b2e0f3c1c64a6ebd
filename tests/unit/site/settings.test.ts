// The maxDocumentMB setting (issue 15): the size above which a file is refused unread.
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../../src/site/settings.ts";

const base = "title: أرشيف\ndescription: وصف\nurl: https://example.org\nmonthNames: both\ndigits: western\nhijri: true\nhomeDocuments: 10\n";

describe("the maxDocumentMB setting", () => {
  it("defaults to 5 and takes any number of megabytes above 0", () => {
    expect(loadSettings(base).maxDocumentMB).toBe(5);
    expect(loadSettings(`${base}maxDocumentMB: 0.5\n`).maxDocumentMB).toBe(0.5);
    expect(loadSettings(`${base}maxDocumentMB: 20\n`).maxDocumentMB).toBe(20);
  });

  it("refuses anything else", () => {
    for (const value of ["0", "-1", "خمسة", "5 MB", "2000"]) {
      expect(() => loadSettings(`${base}maxDocumentMB: ${value}\n`), value).toThrow("`maxDocumentMB` must be a number of megabytes above 0 and at most 1024 (default 5)");
    }
  });
});
