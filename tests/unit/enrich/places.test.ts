import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadCalendarNames } from "../../../src/enrich/dates.ts";
import { findDateline, matchDateline } from "../../../src/enrich/places.ts";
import type { Place } from "../../../src/model.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedsDir = path.join(root, "tests/fixtures/seeds");
const names = loadCalendarNames(readFileSync(path.join(root, "content/_data/months.yaml"), "utf8"));

describe("matchDateline", () => {
  it.each<[string, Place & { agency?: string; dateText?: string }]>([
    ["الدوحة (قطر) - يدعو خبراء دوليون", { city: "الدوحة", country: "قطر" }],
    ["بوينس آيرس (الأرجنتين) - يجتمع في الأرجنتين", { city: "بوينس آيرس", country: "الأرجنتين" }],
    ["القاهرة - أعلنت الوزارة", { city: "القاهرة" }],
    ["جنيف، 5 مايو (رويترز) - قالت المنظمة", { city: "جنيف", agency: "رويترز", dateText: "5 مايو" }],
    ["نيويورك، ٥ أيار/مايو ٢٠١٩ - قالت", { city: "نيويورك", dateText: "٥ أيار/مايو ٢٠١٩" }],
    ["رام الله (أ ف ب) – أعلن", { city: "رام الله", agency: "أ ف ب" }],
    ["مدينة الكويت (الكويت) — افتتح", { city: "مدينة الكويت", country: "الكويت" }],
    ["فيينا (النمسا)- عقدت", { city: "فيينا", country: "النمسا" }],
    ["فيينا (النمسا) - نظمت وكالة الأمم المتحدة", { city: "فيينا", country: "النمسا" }],
    ["الكويت (الكويت) - افتتحت", { city: "الكويت", country: "الكويت" }],
    ["نواذيبو (موريتانيا) - ضبطت", { city: "نواذيبو", country: "موريتانيا" }],
    ["جنيف، سويسرا - قالت المنظمة", { city: "جنيف", country: "سويسرا" }],
    ["عمّان - أطلقت", { city: "عمّان" }],
  ])("%s", (line, want) => {
    const got = matchDateline(line);
    expect(got).toMatchObject(want);
    if (!("country" in want)) expect(got?.country).toBeUndefined();
  });

  it.each([
    ["اليوم العالمي لمكافحة الاتجار بالأشخاص (30 تموز/يوليو 2022) - مقابلة مع السفير"],
    ["أكدت الأمم المتحدة ودول مجلس التعاون الخليجي عزمهم المشترك - وذلك"],
    ["في الإنتربول، نعمل على ضمان تدريب الشرطة"],
    ["يجتمع الخبراء في الدوحة (قطر) - اليوم"],
    ["بوينس-آيرس ليست دائرة"],
    ["حصة"],
    ["مؤتمر الأمم المتحدة لمكافحة الجريمة (فيينا) - نص"],
    ["قالت المنظمة (رويترز) - نص"],
    ["Human trafficking INTERPOL"],
    ["بيان صحفي - أعلنت الوزارة"],
    ["أولا - يجب على الدول"],
    ["وأضاف - في كلمته - أن"],
    ["وقال، وأضاف - نص"],
  ])("not a dateline: %s", (line) => {
    expect(matchDateline(line)).toBeNull();
  });
});

describe("findDateline", () => {
  it("skips a date line in both calendars (Hijri first) before the dateline", () => {
    const lines = ["الخميس 11 رمضان 1445 هـ الموافق 21 آذار/مارس 2024 م", "فيينا (النمسا) - نظمت وكالة الأمم المتحدة ورشة."];
    expect(findDateline(lines, names)).toEqual({ city: "فيينا", country: "النمسا" });
  });

  it("reads only the first line", () => {
    expect(findDateline(["القاهرة - أعلنت الوزارة", "جنيف - نص"])).toEqual({ city: "القاهرة" });
    expect(findDateline(["مقدمة طويلة بلا مكان.", "القاهرة - أعلنت الوزارة"])).toBeNull();
    expect(findDateline([])).toBeNull();
  });

  it("skips one standalone date line, with or without the calendar names", () => {
    const lines = ["٦ ديسمبر، ٢٠١٧", "الدوحة (قطر) - يدعو خبراء"];
    expect(findDateline(lines, names)).toEqual({ city: "الدوحة", country: "قطر" });
    expect(findDateline(lines)).toEqual({ city: "الدوحة", country: "قطر" });
    expect(findDateline(["٦ ديسمبر، ٢٠١٧", "نص", "الدوحة (قطر) - يدعو"], names)).toBeNull();
  });

  it("does not skip a first line that is not a date", () => {
    expect(findDateline(["عنوان فرعي", "الدوحة (قطر) - يدعو"], names)).toBeNull();
  });
});

describe("seed datelines against expected.yaml", () => {
  const expected = parseYaml(readFileSync(path.join(seedsDir, "expected.yaml"), "utf8")) as Record<
    string,
    { place: Place | "none" }
  >;
  const files = readdirSync(seedsDir).filter((file) => file.endsWith(".txt")).sort();

  /** Body lines by simple splitting: a first line followed by a blank line is the title. */
  function bodyLines(file: string): string[] {
    const raw = readFileSync(path.join(seedsDir, file), "utf8").split(/\r?\n/);
    const hasTitle = (raw[1] ?? "").trim() === "";
    return (hasTitle ? raw.slice(1) : raw).map((line) => line.trim()).filter((line) => line !== "");
  }

  it.each(files)("%s", (file) => {
    const want = expected[file]?.place;
    const got = findDateline(bodyLines(file).slice(0, 3), names);
    if (want === "none" || want === undefined) expect(got).toBeNull();
    else expect(got).toEqual(want);
  });

  it("the title line of seed 003 is not a dateline even when read as body", () => {
    const raw = readFileSync(path.join(seedsDir, "003_a4bc6a8948c916c0.txt"), "utf8").split(/\r?\n/);
    expect(findDateline(raw.filter((line) => line.trim() !== ""), names)).toBeNull();
  });
});
