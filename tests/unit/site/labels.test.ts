import { describe, expect, it } from "vitest";
import { ORGANISATION_TYPES } from "../../../src/enrich/organisations.ts";
import { loadBrowseLabels } from "../../../src/site/labels.ts";
import { loadSettings } from "../../../src/site/settings.ts";
import { countOf } from "../../../src/site/views.ts";
import { labels, settingsWith } from "./browse-helpers.ts";

const NOUN = "  zero: لا شيء\n  one: واحد\n  two: اثنان\n  few: \"{n} قليل\"\n  many: \"{n} كثير\"\n  other: \"{n} آخر\"\n";

describe("the project's labels.yaml", () => {
  it("names every registry type, once", () => {
    expect(labels.organisationTypes.map((entry) => entry.type).sort()).toEqual([...ORGANISATION_TYPES].sort());
    expect(labels.organisationTypes.every((entry) => /[\u0600-\u06FF]/.test(entry.label))).toBe(true);
  });

  it("words mention counts with Arabic agreement", () => {
    const settings = settingsWith({ digits: "western" });
    expect([1, 2, 3, 5, 11, 100].map((count) => countOf(count, labels.mentions, settings))).toEqual([
      "ذُكرت مرة واحدة",
      "ذُكرت مرتين",
      "ذُكرت 3 مرات",
      "ذُكرت 5 مرات",
      "ذُكرت 11 مرة",
      "ذُكرت 100 مرة",
    ]);
  });
});

describe("loadBrowseLabels", () => {
  it("lists the types in the file's order", () => {
    const reversed = [...ORGANISATION_TYPES].reverse();
    const types = reversed.map((type) => `  ${type}: قسم ${type}\n`).join("");
    const loaded = loadBrowseLabels(`organisationTypes:\n${types}mentions:\n${NOUN}sharedDocuments:\n${NOUN}`);
    expect(loaded.organisationTypes.map((entry) => entry.type)).toEqual(reversed);
    expect(loaded.organisationTypes[0]).toEqual({ type: "ngo", label: "قسم ngo" });
    expect(loaded.mentions.few).toBe("{n} قليل");
  });

  it("reports every problem at once", () => {
    const yaml = `organisationTypes:\n  club: نادٍ\nmentions:\n  one: مرة\n  few: مرات\nsharedDocuments: نص\n`;
    let message = "";
    try {
      loadBrowseLabels(yaml);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("`organisationTypes.club` is not a registry type");
    expect(message).toContain("`organisationTypes.police` is missing");
    expect(message).toContain("`mentions.zero` must be a non-empty text");
    expect(message).toContain("`mentions.few` must contain {n}");
    expect(message).toContain("`sharedDocuments` must be a mapping");
  });
});

describe("the pageSize setting", () => {
  const base = "title: أرشيف\ndescription: وصف\nurl: https://example.org\nmonthNames: both\ndigits: western\nhijri: true\nhomeDocuments: 10\n";

  it("defaults to 50 and takes a whole number of at least 5", () => {
    expect(loadSettings(base).pageSize).toBe(50);
    expect(loadSettings(`${base}pageSize: 20\n`).pageSize).toBe(20);
  });

  it("refuses anything else", () => {
    for (const value of ["0", "4", "12.5", "ثلاثون"]) {
      expect(() => loadSettings(`${base}pageSize: ${value}\n`)).toThrow("`pageSize` must be a whole number of at least 5");
    }
  });
});
