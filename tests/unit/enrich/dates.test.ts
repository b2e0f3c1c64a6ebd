import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Info } from "luxon";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { normalizeArabic } from "../../../src/arabic/normalize.ts";
import {
  CalendarNamesError,
  findDates,
  findInvalidDates,
  findStandaloneDate,
  formatDate,
  formatHijri,
  inferDocumentDate,
  readDocumentDate,
  loadCalendarNames,
  parseFrontMatterDate,
  readCalendarNames,
  type DateInput,
  type DateMention,
} from "../../../src/enrich/dates.ts";
import type { DocumentDate } from "../../../src/model.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(root, "content/_data");
const seedsDir = path.join(root, "tests/fixtures/seeds");
const monthsYaml = readFileSync(path.join(dataDir, "months.yaml"), "utf8");
const names = loadCalendarNames(monthsYaml);

/** The one mention in a text, reduced to what the tests compare. */
function only(text: string): Pick<DateMention, "precision" | "iso" | "text"> & Partial<DateMention> {
  const mentions = findDates(text, names);
  expect(mentions, `mentions in «${text}»`).toHaveLength(1);
  return mentions[0] as DateMention;
}

describe("months.yaml and loadCalendarNames", () => {
  it("has 12 months with all three sets and 7 weekdays", () => {
    expect(names.months.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(names.months[11]).toMatchObject({ levantine: "كانون الأول", egyptian: "ديسمبر", maghreb: "ديسمبر" });
    expect(names.months[6]).toMatchObject({ levantine: "تموز", egyptian: "يوليو", maghreb: "جويلية" });
    expect(names.weekdays).toHaveLength(7);
    expect(names.hijriMonths[2]).toBe("ربيع الأول");
  });

  it("agrees with luxon's (CLDR) Arabic month names for the Egyptian set", () => {
    const cldr = Info.months("long", { locale: "ar" }).map(normalizeArabic);
    expect(names.months.map((m) => normalizeArabic(m.egyptian))).toEqual(cldr);
  });

  it("reads the file from a data folder", async () => {
    const fromDisk = await readCalendarNames(dataDir);
    expect(fromDisk.months[0]?.levantine).toBe("كانون الثاني");
  });

  it("refuses a file with 11 months", () => {
    const doc = parseYaml(monthsYaml) as { months: unknown[] };
    doc.months.pop();
    expect(() => loadCalendarNames(JSON.stringify(doc))).toThrow(/expected 12 months, found 11/);
  });

  it("refuses a month without a name", () => {
    const doc = parseYaml(monthsYaml) as { months: Record<string, unknown>[] };
    delete doc.months[3]?.["egyptian"];
    expect(() => loadCalendarNames(JSON.stringify(doc))).toThrow(CalendarNamesError);
    expect(() => loadCalendarNames(JSON.stringify(doc))).toThrow(/month 4 "egyptian"/);
  });

  it("refuses a spelling given to two months", () => {
    const doc = parseYaml(monthsYaml) as { months: { variants: string[] }[] };
    doc.months[0]?.variants.push("شباط");
    expect(() => loadCalendarNames(JSON.stringify(doc))).toThrow(/month 1 and month 2|month 2 and month 1/);
  });

  it("refuses broken YAML and an ambiguous name that is no month", () => {
    expect(() => loadCalendarNames("months: [")).toThrow(/not valid YAML/);
    const doc = parseYaml(monthsYaml) as { ambiguous: string[] };
    doc.ambiguous.push("باب");
    expect(() => loadCalendarNames(JSON.stringify(doc))).toThrow(/"باب" is not a month name/);
  });

  it("recognises a variant added by a maintainer", () => {
    const doc = parseYaml(monthsYaml) as { months: { variants: string[] }[] };
    doc.months[0]?.variants.push("ينّير");
    const edited = loadCalendarNames(JSON.stringify(doc));
    expect(findDates("5 ينير 2020", edited)[0]?.iso).toBe("2020-01-05");
    expect(findDates("5 ينير 2020", names)).toEqual([]);
  });
});

describe("findDates: day, month and year", () => {
  it.each([
    ["٦ ديسمبر، ٢٠١٧", "2017-12-06"],
    ["6 ديسمبر، 2017", "2017-12-06"],
    ["6 ديسمبر 2017", "2017-12-06"],
    ["٦ كانون الأول ٢٠١٧", "2017-12-06"],
    ["1 كانون الثاني 2020", "2020-01-01"],
    ["15 تشرين الأول 2021", "2021-10-15"],
    ["15 تشرين الثاني 2021", "2021-11-15"],
    ["3 شباط 2019", "2019-02-03"],
    ["3 آذار 2019", "2019-03-03"],
    ["3 حزيران 2019", "2019-06-03"],
    ["3 آب 2019", "2019-08-03"],
    ["3 أغسطس 2019", "2019-08-03"],
    ["3 اغسطس 2019", "2019-08-03"],
    ["3 غشت 2019", "2019-08-03"],
    ["3 إبريل 2019", "2019-04-03"],
    ["3 ابريل 2019", "2019-04-03"],
    ["3 يوليه 2019", "2019-07-03"],
    ["3 يونيه 2019", "2019-06-03"],
    ["12 جانفي 2021", "2021-01-12"],
    ["12 فيفري 2021", "2021-02-12"],
    ["12 أفريل 2021", "2021-04-12"],
    ["12 ماي 2021", "2021-05-12"],
    ["12 جوان 2021", "2021-06-12"],
    ["12 جويلية 2021", "2021-07-12"],
    ["12 أوت 2021", "2021-08-12"],
    ["12 شتنبر 2021", "2021-09-12"],
    ["29 فبراير 2024", "2024-02-29"],
    ["5 مايو 2019م", "2019-05-05"],
  ])("%s -> %s", (text, iso) => {
    const mention = only(text);
    expect(mention.precision).toBe("day");
    expect(mention.iso).toBe(iso);
  });

  it("gives the span in the original text, Arabic-Indic digits and all", () => {
    const text = "نشر في ٦ ديسمبر، ٢٠١٧ على الموقع";
    const mention = only(text);
    expect(text.slice(mention.start, mention.end)).toBe("٦ ديسمبر، ٢٠١٧");
    expect(mention.text).toBe("٦ ديسمبر، ٢٠١٧");
  });

  it.each([
    ["30 تموز/يوليو 2022", "2022-07-30"],
    ["30 يوليو/تموز 2022", "2022-07-30"],
    ["10 نوفمبر/تشرين الثاني 2025", "2025-11-10"],
    ["10 تشرين الثاني/نوفمبر 2025", "2025-11-10"],
    ["10 أيلول (سبتمبر) 2019", "2019-09-10"],
    ["10 أيلول / سبتمبر 2019", "2019-09-10"],
    ["1 آب/أغسطس 2020", "2020-08-01"],
  ])("double month names: %s", (text, iso) => {
    expect(only(text).iso).toBe(iso);
  });

  it.each([
    ["تموز/يوليو 2022", "2022-07"],
    ["نوفمبر/تشرين الثاني 2025", "2025-11"],
    ["أيلول (سبتمبر) 2019", "2019-09"],
    ["أيار/مايو 2022", "2022-05"],
    ["في شهر ديسمبر 2019", "2019-12"],
    ["بديسمبر 2019", "2019-12"],
    ["مارس 2020", "2020-03"],
    ["آب 2019", "2019-08"],
    ["كانون الثاني، ٢٠٢٠", "2020-01"],
  ])("month and year: %s -> %s", (text, iso) => {
    const mention = only(text);
    expect(mention.precision).toBe("month");
    expect(mention.iso).toBe(iso);
  });

  it("weekday prefixes, with or without comma, checked against the calendar", () => {
    const thursday = only("الخميس 6 ديسمبر 2018");
    expect(thursday).toMatchObject({ iso: "2018-12-06", weekday: 4, weekdayMatches: true, text: "الخميس 6 ديسمبر 2018" });
    expect(only("الخميس، 6 ديسمبر")).toMatchObject({ iso: null, day: 6, month: 12, weekday: 4 });
    expect(only("يوم الأربعاء 6 كانون الأول 2017")).toMatchObject({ weekday: 3, weekdayMatches: true });
    expect(only("الإثنين ٢ يناير ٢٠٢٣")).toMatchObject({ weekday: 1, weekdayMatches: true });
    expect(only("الجمعة 6 ديسمبر 2018").weekdayMatches).toBe(false);
  });

  it.each([
    ["28/07/2023", "2023-07-28"],
    ["28-07-2023", "2023-07-28"],
    ["28.07.2023", "2023-07-28"],
    ["2023/07/28", "2023-07-28"],
    ["2026-01-26", "2026-01-26"],
    ["٢٨/٠٧/٢٠٢٣", "2023-07-28"],
    ["5/6/2023", "2023-06-05"],
  ])("numeric and ISO: %s", (text, iso) => {
    expect(only(text)).toMatchObject({ iso, precision: "day", form: "numeric" });
  });

  it.each([
    ["10 و11 أيلول/سبتمبر", { day: 10, endDay: 11, month: 9, iso: null }],
    ["بين 10 و21 نوفمبر 2025", { day: 10, endDay: 21, iso: "2025-11-10" }],
    ["من 10 إلى 12 مايو 2024", { day: 10, endDay: 12, iso: "2024-05-10" }],
    ["10-12 مايو", { day: 10, endDay: 12, month: 5, iso: null }],
    ["(6 و7 كانون الأول/ديسمبر 2017)", { day: 6, endDay: 7, iso: "2017-12-06" }],
    ["من ١٠ الى ١٢ مايو ٢٠٢٤", { day: 10, endDay: 12, iso: "2024-05-10" }],
  ])("ranges give the first day: %s", (text, expected) => {
    expect(only(text)).toMatchObject({ precision: "day", ...expected });
  });

  it("year phrases are year-precision mentions", () => {
    expect(only("وفي عام 2019 واصل")).toMatchObject({ precision: "year", iso: "2019", text: "عام 2019", form: "year-phrase" });
    expect(only("التقرير العالمي لعام 2024").iso).toBe("2024");
    expect(only("خلال سنة ٢٠١٥م").iso).toBe("2015");
    expect(only("للعام 2020").iso).toBe("2020");
  });

  it("finds several dates in order", () => {
    const text = "عملية نفذت في تشرين الثاني/نوفمبر 2018، والمؤتمر (10 و11 أيلول/سبتمبر)، وفي عام 2019 واصل.";
    expect(findDates(text, names).map((m) => [m.precision, m.iso])).toEqual([
      ["month", "2018-11"],
      ["day", null],
      ["year", "2019"],
    ]);
  });

  it("a lone unambiguous month name, with clitics, is a yearless month mention", () => {
    expect(only("في ديسمبر")).toMatchObject({ precision: "month", month: 12, iso: null });
    expect(only("وفي نوفمبر الماضي")).toMatchObject({ month: 11, iso: null });
    expect(only("بيناير")).toMatchObject({ month: 1 });
  });
});

describe("findDates: what is not a date", () => {
  it.each([
    ["تقرير 2024"],
    ["في 2024"],
    ["خطة العمل للفترة 2019-2023"],
    ["وقد مارس الضغط على الحكومة"],
    ["مارس الرياضة سنوات"],
    ["قال الأب إنه"],
    ["زار آب الأسرة"],
    ["ماي فريند"],
    ["سيارة نيسان الجديدة"],
    ["أكثر من 300 خبير من 90 بلدا"],
    ["شبكة I-24/7 للاتصالات"],
    ["15 ربيع الأول 1439 هـ"],
    ["باب الدار"],
    ["الخميس المقبل"],
    ["ومارس 2019"],
  ])("%s", (text) => {
    expect(findDates(text, names)).toEqual([]);
  });

  it.each([
    ["31 فبراير 2023", /February 2023 has 28 days/],
    ["29 فبراير 2023", /February 2023 has 28 days/],
    ["31 نيسان 2020", /April 2020 has 30 days/],
    ["30/02/2023", /February 2023 has 28 days/],
    ["2023-13-01", /no month 13/],
    ["30 شباط", /never has 30 days/],
  ])("impossible date %s is rejected", (text, reason) => {
    expect(findDates(text, names)).toEqual([]);
    expect(findInvalidDates(text, names)[0]?.reason).toMatch(reason);
  });
});

describe("findStandaloneDate", () => {
  it("accepts a line that is only a date", () => {
    expect(findStandaloneDate("٦ ديسمبر، ٢٠١٧", names)?.iso).toBe("2017-12-06");
    expect(findStandaloneDate("بتاريخ: 6 ديسمبر 2017", names)?.iso).toBe("2017-12-06");
    expect(findStandaloneDate("أيار/مايو 2022", names)?.iso).toBe("2022-05");
  });
  it("refuses a sentence with a date in it, and a year phrase", () => {
    expect(findStandaloneDate("عقد المؤتمر في 6 ديسمبر 2017", names)).toBeNull();
    expect(findStandaloneDate("عام 2019", names)).toBeNull();
  });
});

describe("inferDocumentDate", () => {
  const body = (lines: string[], title = "", titleSource: DateInput["titleSource"] = "text"): DateInput => ({
    title,
    titleSource,
    lines,
  });

  it("1. a standalone date line near the top", () => {
    const date = inferDocumentDate(body(["٦ ديسمبر، ٢٠١٧", "الدوحة (قطر) - يدعو خبراء"], "عنوان"), names);
    expect(date).toMatchObject({ iso: "2017-12-06", precision: "day", source: "text", year: 2017, month: 12, day: 6 });
    expect(date.evidence).toBe("٦ ديسمبر، ٢٠١٧");
  });

  it("1. a month-year date line gives month precision", () => {
    expect(inferDocumentDate(body(["أيار/مايو 2022", "نص"]), names)).toMatchObject({ iso: "2022-05", precision: "month" });
  });

  it("2. a full date in the title", () => {
    const date = inferDocumentDate(body(["نص بلا تاريخ"], "اليوم العالمي (30 تموز/يوليو 2022) - مقابلة"), names);
    expect(date).toMatchObject({ iso: "2022-07-30", precision: "day", source: "text" });
  });

  it("2. a year alone in the title is not the date; a derived title is not read", () => {
    expect(inferDocumentDate(body(["نص"], "التقرير العالمي لعام 2024"), names).precision).toBe("none");
    expect(inferDocumentDate(body(["نص"], "اجتماع 5 مايو 2020", "inferred"), names).precision).toBe("none");
  });

  it("2. two different dates in the title: no guess", () => {
    expect(inferDocumentDate(body(["نص"], "من 5 مايو 2020 إلى 7 يونيو 2021"), names).precision).toBe("none");
  });

  it("3. a date in the dateline", () => {
    const date = inferDocumentDate(body(["جنيف، 5 مايو 2019 (رويترز) - قالت المنظمة"]), names);
    expect(date).toMatchObject({ iso: "2019-05-05", source: "text" });
  });

  it("4. a lead-sentence date with its weekday, or after اليوم", () => {
    expect(inferDocumentDate(body(["أعلنت الوزارة يوم الخميس 6 ديسمبر 2018 أن الخطة بدأت."]), names).iso).toBe("2018-12-06");
    expect(inferDocumentDate(body(["افتتح اليوم 6 ديسمبر 2018 المؤتمر."]), names).iso).toBe("2018-12-06");
  });

  it("4. a lead-sentence date without such a cue is an event, not the date", () => {
    expect(inferDocumentDate(body(["ستعقد الدورة المقبلة في 6 ديسمبر 2030."]), names).precision).toBe("none");
    expect(inferDocumentDate(body(["أعلنت الوزارة يوم الجمعة 6 ديسمبر 2018 أن الخطة بدأت."]), names).precision).toBe("none");
  });

  it("5. a yearless date borrows the latest year written", () => {
    const date = inferDocumentDate(
      body([
        "يعقد المؤتمر (10 و11 أيلول/سبتمبر) في المدينة.",
        "نفذت عملية في تشرين الثاني/نوفمبر 2018.",
        "وفي عام 2019 واصلت المنظمة عملها.",
      ]),
      names,
    );
    expect(date).toMatchObject({ iso: "2019-09-10", precision: "day", source: "inferred", year: 2019 });
    expect(date.evidence).toContain("10 و11 أيلول/سبتمبر");
    expect(date.evidence).toContain("عام 2019");
  });

  it("5. no year written: no date", () => {
    expect(inferDocumentDate(body(["يعقد المؤتمر (10 و11 أيلول/سبتمبر)."]), names).precision).toBe("none");
  });

  it("5. a later year anywhere (a plan 2019-2023) makes the year unknown", () => {
    const lines = ["يعقد المؤتمر في 10 أيلول.", "اعتمدت الخطة الأولى في عام 2014.", "الخطة للفترة 2019-2023."];
    expect(inferDocumentDate(body(lines), names).precision).toBe("none");
  });

  it("5. a forward-looking year is not borrowed", () => {
    const lines = ["يعقد المؤتمر في 10 أيلول.", "في عام 2019 بدأ العمل.", "الهدف بحلول عام 2030."];
    expect(inferDocumentDate(body(lines), names).precision).toBe("none");
  });

  it("5. an event later in the same year makes the year unknown", () => {
    const lines = ["يعقد المؤتمر في 10 أيلول.", "نفذت عملية في تشرين الثاني/نوفمبر 2019."];
    expect(inferDocumentDate(body(lines), names).precision).toBe("none");
  });

  it("5. a yearless 29 February needs a leap year", () => {
    expect(inferDocumentDate(body(["يعقد الاجتماع في 29 شباط.", "في عام 2023 بدأ العمل."]), names).precision).toBe("none");
    expect(inferDocumentDate(body(["يعقد الاجتماع في 29 شباط.", "في عام 2024 بدأ العمل."]), names).iso).toBe("2024-02-29");
  });

  it("5. a yearless date deep in the body is not used", () => {
    const lines = ["مقدمة.", "فقرة.", "فقرة.", "فقرة.", "فقرة.", "فقرة.", "في 30 تموز/يوليو نحتفل.", "في عام 2013 تقرر."];
    expect(inferDocumentDate(body(lines), names).precision).toBe("none");
  });

  it("6. years mentioned in passing are not the date", () => {
    const lines = ["استعرض نتائج التقرير العالمي لعام 2024.", "تخرج منه 750 مشاركا منذ إطلاقه عام 2015.", "في 2024."];
    expect(inferDocumentDate(body(lines), names)).toEqual({ iso: null, precision: "none", source: "none" });
  });

  it("6. a full date deep in the body is an event, not the date", () => {
    const lines = ["مقدمة.", "عقد المؤتمر في 6 ديسمبر 2017 في الدوحة."];
    expect(inferDocumentDate(body(lines), names).precision).toBe("none");
  });
});

// ---------------------------------------------------------------------------
// The five seed texts, split into lines the simple way: a first line followed
// by a blank line is the title; otherwise there is no title in the text.
// ---------------------------------------------------------------------------

interface Expected {
  date: string;
  date_precision?: string;
  date_precision_must?: string;
}

const expected = parseYaml(readFileSync(path.join(seedsDir, "expected.yaml"), "utf8")) as Record<string, Expected>;
const seedFiles = readdirSync(seedsDir).filter((file) => file.endsWith(".txt")).sort();

function seedInput(file: string): DateInput {
  const raw = readFileSync(path.join(seedsDir, file), "utf8").split(/\r?\n/);
  const hasTitle = (raw[1] ?? "").trim() === "" && (raw[0] ?? "").trim() !== "";
  const lines = (hasTitle ? raw.slice(1) : raw).map((line) => line.trim()).filter((line) => line !== "");
  return hasTitle ? { title: (raw[0] ?? "").trim(), titleSource: "text", lines } : { title: "", titleSource: "inferred", lines };
}

describe("seed texts against expected.yaml", () => {
  it("has the five seeds", () => {
    expect(seedFiles).toHaveLength(5);
    expect(Object.keys(expected).sort()).toEqual(seedFiles);
  });

  it.each(seedFiles)("%s", (file) => {
    const want = expected[file] as Expected;
    const got: DocumentDate = inferDocumentDate(seedInput(file), names);
    if (want.date === "none") {
      expect(got).toMatchObject({ iso: null, precision: "none" });
      return;
    }
    const wantDate = String(want.date);
    if (want.date_precision_must === "year") {
      expect(got.year).toBe(Number(wantDate.slice(0, 4)));
    }
    expect(got.iso).toBe(wantDate);
    expect(got.precision).toBe(want.date_precision ?? "day");
  });

  it("seed 001 borrows its year and says so", () => {
    const got = inferDocumentDate(seedInput("001_2a8e42f08ab2c562.txt"), names);
    expect(got.source).toBe("inferred");
    expect(got.evidence).toMatch(/أيلول\/سبتمبر.*عام 2019/);
  });

  it("seeds 000 and 003 read their date from the text", () => {
    expect(inferDocumentDate(seedInput("000_25e03c8568d10b1f.txt"), names).source).toBe("text");
    expect(inferDocumentDate(seedInput("003_a4bc6a8948c916c0.txt"), names).evidence).toBe("30 تموز/يوليو 2022");
  });
});

describe("parseFrontMatterDate", () => {
  it.each([
    ["2017-12-06", { iso: "2017-12-06", precision: "day" }],
    ["2019-09", { iso: "2019-09", precision: "month" }],
    ["2019", { iso: "2019", precision: "year" }],
    ["٢٠١٧-١٢-٠٦", { iso: "2017-12-06", precision: "day" }],
    ["2017-12-6", { iso: "2017-12-06", precision: "day" }],
  ])("%s", (value, want) => {
    expect(parseFrontMatterDate(value)).toMatchObject({ ...want, source: "front-matter" });
  });

  it("takes a YAML timestamp (JS Date at midnight UTC) and a YAML number", () => {
    const fromYaml = (parseYaml("date: 2017-12-06", { customTags: ["timestamp"] }) as { date: unknown }).date;
    expect(parseFrontMatterDate(fromYaml)).toMatchObject({ iso: "2017-12-06", precision: "day" });
    expect(parseFrontMatterDate(new Date(Date.UTC(2020, 1, 29)))).toMatchObject({ iso: "2020-02-29" });
    expect(parseFrontMatterDate(2019)).toMatchObject({ iso: "2019", precision: "year" });
  });

  it("takes Arabic dates when given the names", () => {
    expect(parseFrontMatterDate("٦ ديسمبر ٢٠١٧", names)).toMatchObject({ iso: "2017-12-06", precision: "day" });
    expect(parseFrontMatterDate("أيلول/سبتمبر 2019", names)).toMatchObject({ iso: "2019-09", precision: "month" });
    expect(parseFrontMatterDate("عام 2019", names)).toMatchObject({ iso: "2019", precision: "year" });
  });

  it("refuses impossible dates, saying what is wrong and how to fix it", () => {
    const feb = parseFrontMatterDate("2023-02-30");
    expect(feb).toHaveProperty("error");
    expect((feb as { error: string }).error).toMatch(/2023-02-30.*February 2023 has 28 days.*"2023-02"/);
    expect((parseFrontMatterDate("2023-13-01") as { error: string }).error).toMatch(/no month 13/);
    expect((parseFrontMatterDate("31 فبراير 2023", names) as { error: string }).error).toMatch(/28 days, not 31/);
  });

  it("refuses things that are not dates", () => {
    for (const value of ["", "قريبا", "6 ديسمبر", null, undefined, {}, 12.5, new Date("nonsense")]) {
      expect(parseFrontMatterDate(value, names), String(value)).toHaveProperty("error");
    }
  });
});

describe("formatDate and formatHijri", () => {
  const day: DocumentDate = { iso: "2017-12-06", precision: "day", source: "text", year: 2017, month: 12, day: 6 };
  const month: DocumentDate = { iso: "2019-09", precision: "month", source: "text", year: 2019, month: 9 };
  const year: DocumentDate = { iso: "2019", precision: "year", source: "text", year: 2019 };

  it("writes each precision", () => {
    const both = { monthNames: "both", digits: "western" } as const;
    expect(formatDate(day, both, names)).toBe("6 كانون الأول/ديسمبر 2017");
    expect(formatDate(month, both, names)).toBe("أيلول/سبتمبر 2019");
    expect(formatDate(year, both, names)).toBe("2019");
    expect(formatDate({ iso: null, precision: "none", source: "none" }, both, names)).toBe("");
  });

  it("uses the chosen month names and digits", () => {
    expect(formatDate(day, { monthNames: "levantine", digits: "western" }, names)).toBe("6 كانون الأول 2017");
    expect(formatDate(day, { monthNames: "egyptian", digits: "arabic-indic" }, names)).toBe("٦ ديسمبر ٢٠١٧");
    expect(formatDate(month, { monthNames: "both", digits: "arabic-indic" }, names)).toBe("أيلول/سبتمبر ٢٠١٩");
  });

  it("reads the parts from iso when the fields are missing", () => {
    expect(formatDate({ iso: "2022-07-30", precision: "day", source: "text" }, { monthNames: "both", digits: "western" }, names)).toBe(
      "30 تموز/يوليو 2022",
    );
  });

  it("writes the Umm al-Qura date of a day", () => {
    expect(formatHijri(day, "western", names)).toBe("18 ربيع الأول 1439 هـ");
    expect(formatHijri(day, "arabic-indic", names)).toBe("١٨ ربيع الأول ١٤٣٩ هـ");
    expect(formatHijri({ iso: "2024-03-11", precision: "day", source: "text" }, "western", names)).toBe("1 رمضان 1445 هـ");
    expect(formatHijri(day, "western")).toBe("18 ربيع الأول 1439 هـ");
  });

  it("has no Hijri date below day precision", () => {
    expect(formatHijri(month, "western", names)).toBeNull();
    expect(formatHijri({ iso: null, precision: "none", source: "none" }, "western", names)).toBeNull();
  });
});

describe("Hijri-first and two-calendar date lines", () => {
  const body = (lines: string[]): DateInput => ({ title: "عنوان", titleSource: "text", lines });
  const read = (line: string) => readDocumentDate(body([line, "فيينا (النمسا) - نص الخبر."]), names);

  it.each([
    ["الخميس 11 رمضان 1445 هـ الموافق 21 آذار/مارس 2024 م", "2024-03-21"],
    ["11 رمضان 1445 هـ الموافق 21 آذار/مارس 2024 م", "2024-03-21"],
    ["الخميس، 11 رمضان 1445هـ، الموافق 21 مارس 2024م", "2024-03-21"],
    ["الخميس ١١ رمضان ١٤٤٥ ه الموافق ٢١ آذار ٢٠٢٤ مـ", "2024-03-21"],
    ["11 رمضان 1445 هجري الموافق 21 مارس 2024 ميلادي", "2024-03-21"],
    ["21 آذار/مارس 2024 م الموافق 11 رمضان 1445 هـ", "2024-03-21"],
    ["الخميس 21 مارس 2024 م (11 رمضان 1445 هـ)", "2024-03-21"],
    ["الأحد 5 شوال 1445 هـ الموافق 14 نيسان/أبريل 2024 م", "2024-04-14"],
    ["الاثنين 2 محرم 1446 هجرية الموافق 8 تموز/يوليو 2024 ميلادية", "2024-07-08"],
    ["الجمعة 16 ذي القعدة 1445 هـ الموافق 24 أيار/مايو 2024 م", "2024-05-24"],
  ])("%s -> %s, day precision, Hijri in agreement", (line, iso) => {
    const { date, hijriProblem } = read(line);
    expect(date).toMatchObject({ iso, precision: "day", source: "text" });
    expect(hijriProblem).toBeNull();
  });

  it("reports a Hijri date that names another day, and keeps the Gregorian date", () => {
    const { date, hijriProblem } = read("السبت 3 رجب 1445 هـ الموافق 20 كانون الثاني/يناير 2024 م");
    expect(date).toMatchObject({ iso: "2024-01-20", precision: "day" });
    expect(hijriProblem).toContain("3 رجب 1445 هـ");
    expect(hijriProblem).toContain("8 رجب 1445 هـ");
  });

  it("does not read a Hijri date alone as a Gregorian date, nor a Hijri year after a Gregorian month", () => {
    expect(read("11 رمضان 1445 هـ").date.precision).toBe("none");
    expect(findDates("صدر في 11 رمضان 1445 هـ", names)).toEqual([]);
  });

  it("keeps a written weekday checked against the Gregorian date", () => {
    // 21 March 2024 is a Thursday, not a Monday.
    expect(read("الاثنين 11 رمضان 1445 هـ الموافق 21 آذار/مارس 2024 م").date.precision).toBe("none");
  });

  it("refuses hijri_variants that are not keyed by a month number", () => {
    expect(() => loadCalendarNames(monthsYaml.replace("hijri_variants:\n", "hijri_variants:\n  13: [x]\n"))).toThrow(/not a Hijri month number/);
  });
});
