// Dates in Arabic texts: finding every date expression, choosing THE date of
// a document (never inventing one), reading front-matter dates and writing
// dates back out in Gregorian and Hijri form.
//
// Calendar validity comes from luxon; the Arabic month and weekday names come
// from content/_data/months.yaml (see loadCalendarNames). Every comparison of
// words goes through src/arabic/normalize.ts.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime, Info } from "luxon";
import { parse as parseYaml } from "yaml";
import { memoize, WORD_CACHE_LIMIT } from "../arabic/memo.ts";
import { normalizeArabic, toArabicIndicDigits, toWesternDigits } from "../arabic/normalize.ts";
import type { DocumentDate, ParsedText, TitleSource } from "../model.ts";

// ---------------------------------------------------------------------------
// Calendar names (content/_data/months.yaml)
// ---------------------------------------------------------------------------

export interface MonthNames {
  /** 1-12. */
  number: number;
  /** Canonical display name, Levantine/Iraqi set (كانون الأول). */
  levantine: string;
  /** Canonical display name, Egyptian/Gulf set (ديسمبر). */
  egyptian: string;
  /** Canonical name, Algerian/Tunisian set (ديسمبر). */
  maghreb: string;
  /** Other spellings recognised in texts, never displayed. */
  variants: string[];
}

export interface WeekdayNames {
  /** ISO weekday: 1 = Monday ... 7 = Sunday (luxon's numbering). */
  iso: number;
  name: string;
  variants: string[];
}

export interface CalendarNames {
  /** Exactly 12, ordered by number. */
  months: MonthNames[];
  /** Names (any set) read as months only next to a day number or a year. */
  ambiguous: string[];
  weekdays: WeekdayNames[];
  /** Display names of the Hijri months 1-12; empty when the data file has none. */
  hijriMonths: string[];
  /** Other spellings of the Hijri months recognised in texts, by month number (1-12). */
  hijriVariants: Record<number, string[]>;
}

export class CalendarNamesError extends Error {
  override name = "CalendarNamesError";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireName(value: unknown, where: string, source: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new CalendarNamesError(`${source}: ${where} must be a non-empty name`);
  }
  return value.trim();
}

function nameList(value: unknown, where: string, source: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new CalendarNamesError(`${source}: ${where} must be a list, e.g. [يوليه, يوليوز]`);
  }
  return value.map((item, i) => requireName(item, `${where}[${i}]`, source));
}

/**
 * Reads and validates the calendar-names data file. Throws CalendarNamesError
 * naming the file, the entry and what to fix.
 */
export function loadCalendarNames(yamlText: string, source = "months.yaml"): CalendarNames {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new CalendarNamesError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(data)) throw new CalendarNamesError(`${source}: expected a mapping with a "months" list`);

  const rawMonths = data["months"];
  if (!Array.isArray(rawMonths)) throw new CalendarNamesError(`${source}: "months" must be a list of 12 months`);
  if (rawMonths.length !== 12) {
    throw new CalendarNamesError(`${source}: expected 12 months, found ${rawMonths.length}`);
  }
  const months: MonthNames[] = rawMonths.map((entry: unknown, i) => {
    const where = `months[${i}]`;
    if (!isRecord(entry)) throw new CalendarNamesError(`${source}: ${where} must be a mapping`);
    const number = entry["number"];
    if (typeof number !== "number" || !Number.isInteger(number) || number < 1 || number > 12) {
      throw new CalendarNamesError(`${source}: ${where} needs "number: 1" ... "number: 12"`);
    }
    const label = `month ${number}`;
    return {
      number,
      levantine: requireName(entry["levantine"], `${label} "levantine"`, source),
      egyptian: requireName(entry["egyptian"], `${label} "egyptian"`, source),
      maghreb: requireName(entry["maghreb"], `${label} "maghreb"`, source),
      variants: nameList(entry["variants"], `${label} "variants"`, source),
    };
  });
  months.sort((a, b) => a.number - b.number);
  months.forEach((month, i) => {
    if (month.number !== i + 1) {
      throw new CalendarNamesError(`${source}: month ${i + 1} is missing (or another month is listed twice)`);
    }
  });

  // A spelling may name one month only.
  const owner = new Map<string, number>();
  for (const month of months) {
    for (const name of [month.levantine, month.egyptian, month.maghreb, ...month.variants]) {
      const key = normalizeArabic(name);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== month.number) {
        throw new CalendarNamesError(`${source}: "${name}" is listed for month ${previous} and month ${month.number}`);
      }
      owner.set(key, month.number);
    }
  }

  const ambiguous = nameList(data["ambiguous"], `"ambiguous"`, source);
  for (const name of ambiguous) {
    if (!owner.has(normalizeArabic(name))) {
      throw new CalendarNamesError(`${source}: ambiguous name "${name}" is not a month name listed above`);
    }
  }

  const rawWeekdays = data["weekdays"];
  if (!Array.isArray(rawWeekdays) || rawWeekdays.length !== 7) {
    throw new CalendarNamesError(`${source}: "weekdays" must list the 7 days of the week`);
  }
  const weekdays: WeekdayNames[] = rawWeekdays.map((entry: unknown, i) => {
    const where = `weekdays[${i}]`;
    if (!isRecord(entry)) throw new CalendarNamesError(`${source}: ${where} must be a mapping`);
    const iso = entry["iso"];
    if (typeof iso !== "number" || !Number.isInteger(iso) || iso < 1 || iso > 7) {
      throw new CalendarNamesError(`${source}: ${where} needs "iso: 1" (Monday) ... "iso: 7" (Sunday)`);
    }
    return {
      iso,
      name: requireName(entry["name"], `${where} "name"`, source),
      variants: nameList(entry["variants"], `${where} "variants"`, source),
    };
  });
  if (new Set(weekdays.map((day) => day.iso)).size !== 7) {
    throw new CalendarNamesError(`${source}: "weekdays" lists a day twice`);
  }

  const hijriMonths = nameList(data["hijri_months"], `"hijri_months"`, source);
  if (hijriMonths.length !== 0 && hijriMonths.length !== 12) {
    throw new CalendarNamesError(`${source}: "hijri_months" must list 12 names, found ${hijriMonths.length}`);
  }

  const rawHijriVariants = data["hijri_variants"] ?? {};
  if (!isRecord(rawHijriVariants)) {
    throw new CalendarNamesError(`${source}: "hijri_variants" must map a month number to a list of spellings, e.g. "3: [ربيع أول]"`);
  }
  const hijriVariants: Record<number, string[]> = {};
  for (const [key, list] of Object.entries(rawHijriVariants)) {
    const number = Number(key);
    if (!Number.isInteger(number) || number < 1 || number > 12) {
      throw new CalendarNamesError(`${source}: "hijri_variants" has "${key}", which is not a Hijri month number (1-12)`);
    }
    hijriVariants[number] = nameList(list, `"hijri_variants" ${key}`, source);
  }

  return { months, ambiguous, weekdays, hijriMonths, hijriVariants };
}

/** Reads `<dataDir>/months.yaml`. */
export async function readCalendarNames(dataDir: string): Promise<CalendarNames> {
  const file = path.join(dataDir, "months.yaml");
  return loadCalendarNames(await readFile(file, "utf8"), file);
}

// ---------------------------------------------------------------------------
// Name index (built once per CalendarNames object)
// ---------------------------------------------------------------------------

interface MonthEntry {
  /** Normalised words of the name: ["تشرين", "الثاني"]. */
  words: string[];
  month: number;
  ambiguous: boolean;
}

interface NameIndex {
  byFirstWord: Map<string, MonthEntry[]>;
  /** The Hijri month names, by their first normalised word, longest first. */
  hijriByFirstWord: Map<string, MonthEntry[]>;
  weekdays: Map<string, number>;
  /** What each distinct token text reads as, with the names (see readingOf). */
  readings: Map<string, TokenReading>;
}

const indexCache = new WeakMap<CalendarNames, NameIndex>();

function nameIndex(names: CalendarNames): NameIndex {
  const cached = indexCache.get(names);
  if (cached) return cached;

  const ambiguous = new Set(names.ambiguous.map(normalizeArabic));
  const byFirstWord = new Map<string, MonthEntry[]>();
  const seen = new Set<string>();
  const add = (name: string, month: number): void => {
    const key = normalizeArabic(name);
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    const words = key.split(" ");
    const first = words[0] ?? "";
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, month, ambiguous: ambiguous.has(key) });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(first, list);
  };
  for (const month of names.months) {
    for (const name of [month.levantine, month.egyptian, month.maghreb, ...month.variants]) add(name, month.number);
  }
  // Cross-check with the platform's CLDR names: whatever spelling ICU uses
  // for Arabic month names is recognised too (unless it clashes).
  Info.months("long", { locale: "ar" }).forEach((name, i) => {
    const key = normalizeArabic(name);
    const known = [...byFirstWord.values()].flat().find((entry) => entry.words.join(" ") === key);
    if (!known) add(name, i + 1);
  });

  const weekdays = new Map<string, number>();
  for (const day of names.weekdays) {
    for (const name of [day.name, ...day.variants]) weekdays.set(normalizeArabic(name), day.iso);
  }

  const hijriByFirstWord = new Map<string, MonthEntry[]>();
  const addHijri = (name: string, month: number): void => {
    const words = normalizeArabic(name).split(" ");
    const list = hijriByFirstWord.get(words[0] ?? "") ?? [];
    list.push({ words, month, ambiguous: false });
    list.sort((a, b) => b.words.length - a.words.length);
    hijriByFirstWord.set(words[0] ?? "", list);
  };
  names.hijriMonths.forEach((name, i) => addHijri(name, i + 1));
  for (const [month, list] of Object.entries(names.hijriVariants)) for (const name of list) addHijri(name, Number(month));

  const index = { byFirstWord, hijriByFirstWord, weekdays, readings: new Map<string, TokenReading>() };
  indexCache.set(names, index);
  return index;
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

interface Token {
  raw: string;
  /** normalizeArabic(raw); for numbers, ASCII digits. */
  norm: string;
  start: number;
  end: number;
  kind: "word" | "num" | "punct";
  /** For a word: what it can be in a date. */
  facts: WordFacts | null;
}

/** What a word can be in a date, its attached particles allowed for (see withoutClitics). */
interface WordFacts {
  /** The month names that may start at the word, in the order matchMonthName tries them. */
  months: readonly MonthEntry[];
  /** The ISO weekday the word names. */
  weekday: number | undefined;
  /** عام، سنة (لعام، وفي سنة…). */
  yearCue: boolean;
}

interface TokenReading {
  norm: string;
  kind: Token["kind"];
  facts: WordFacts | null;
}

const TOKEN = /[\p{L}\p{M}\u200C\u200D]+|\p{Nd}+|[^\s\p{L}\p{M}\p{Nd}]/gu;

/**
 * What a token's text makes of it, the same wherever it is written: worked
 * out once per distinct text (and set of calendar names).
 */
function readingOf(raw: string, index: NameIndex): TokenReading {
  let reading = index.readings.get(raw);
  if (reading === undefined) {
    const isDigits = /^\p{Nd}+$/u.test(raw);
    const norm = isDigits ? toWesternDigits(raw) : /[\p{L}\p{M}]/u.test(raw) ? normalizeArabic(raw) : raw;
    const kind = isDigits && /^[0-9]+$/.test(norm) ? "num" : /[\p{L}\p{M}]/u.test(raw) ? "word" : "punct";
    reading = { norm, kind, facts: kind === "word" ? wordFacts(norm, index) : null };
    if (index.readings.size >= WORD_CACHE_LIMIT) index.readings.clear();
    index.readings.set(raw, reading);
  }
  return reading;
}

function wordFacts(norm: string, index: NameIndex): WordFacts {
  const bases = withoutClitics(norm);
  const months: MonthEntry[] = [];
  for (const base of bases) {
    const hasClitic = base !== norm;
    for (const entry of index.byFirstWord.get(base) ?? []) if (!(hasClitic && entry.ambiguous)) months.push(entry);
  }
  return {
    months,
    weekday: bases.map((base) => index.weekdays.get(base)).find((n) => n !== undefined),
    yearCue: bases.some((base) => YEAR_WORDS.has(base)),
  };
}

function tokenize(text: string, index: NameIndex): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const { norm, kind, facts } = readingOf(raw, index);
    tokens.push({ raw, norm, start, end: start + raw.length, kind, facts });
  }
  return tokens;
}

/** Attached one-letter particles: و ف ب ل ك and their pairs (وب، فل ...). */
const CLITICS = ["وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك"];

const withoutClitics: (word: string) => readonly string[] = memoize((word) => {
  const bases = [word];
  for (const clitic of CLITICS) {
    if (word.startsWith(clitic) && word.length - clitic.length >= 3) bases.push(word.slice(clitic.length));
  }
  // ل + ال contracts to لل: للعام = ل + العام.
  if (word.startsWith("لل")) bases.push(`ا${word.slice(1)}`);
  return Object.freeze(bases);
});

const COMMAS = new Set(["،", ",", "٫"]);
const isComma = (t: Token | undefined): boolean => t?.kind === "punct" && COMMAS.has(t.raw);
const isWord = (t: Token | undefined, ...words: string[]): boolean => t?.kind === "word" && words.includes(t.norm);
const adjacent = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

function dayValue(t: Token | undefined): number | null {
  if (t?.kind !== "num" || t.norm.length > 2) return null;
  const n = Number(t.norm);
  return n >= 1 && n <= 31 ? n : null;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

function yearValue(t: Token | undefined): number | null {
  if (t?.kind !== "num" || t.norm.length !== 4) return null;
  const n = Number(t.norm);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/** "هـ" or "هجري" after a year marks it Hijri; normalisation leaves "ه" of "هـ". */
const isHijriMarker = (t: Token | undefined): boolean => isWord(t, "ه", "هـ", "هجري", "هجريه");
/** "م", "مـ" or "ميلادي" after a year marks it Gregorian. */
const isGregorianMarker = (t: Token | undefined): boolean => isWord(t, "م", "ميلادي", "ميلاديه");
/** The word that joins the two calendars' dates of one day: الموافق، الموافقة، وفق. */
const isConcordance = (t: Token | undefined): boolean => isWord(t, "الموافق", "الموافقه", "وفق");

// ---------------------------------------------------------------------------
// Finding dates
// ---------------------------------------------------------------------------

export interface DateMention {
  /** UTF-16 offsets of the expression in the text given to findDates. */
  start: number;
  end: number;
  /** The expression as written. */
  text: string;
  /** The finest unit written: "day" for 6 ديسمبر, "month" for أيار 2022 or ديسمبر, "year" for عام 2019. */
  precision: "day" | "month" | "year";
  /** ISO at the precision, or null when no year is written (10 أيلول). */
  iso: string | null;
  year?: number;
  month?: number;
  /** For a range (10 و11 أيلول) the first day. */
  day?: number;
  /** For a range, the last day. */
  endDay?: number;
  /** ISO weekday written before the date, if any. */
  weekday?: number;
  /** When both a weekday and a full date are written: whether they agree. */
  weekdayMatches?: boolean;
  form: "named" | "numeric" | "year-phrase";
  /** The Hijri date written beside it for the same day (١١ رمضان ١٤٤٥ هـ الموافق ...), if any. */
  hijri?: HijriMention;
}

/** A Hijri date as written: 11 رمضان 1445 هـ. */
export interface HijriMention {
  day: number;
  month: number;
  year: number;
  /** The expression as written. */
  text: string;
}

export interface RejectedDate {
  start: number;
  end: number;
  text: string;
  /** What is wrong, in English, for reports. */
  reason: string;
}

interface Match {
  /** Index of the token after the match. */
  next: number;
  mention?: DateMention;
  rejected?: RejectedDate;
}

interface MonthMatch {
  month: number;
  next: number;
  ambiguous: boolean;
}

function matchMonthName(tokens: Token[], i: number): MonthMatch | null {
  const first = tokens[i];
  if (first?.kind !== "word" || first.facts === null) return null;
  let best: MonthMatch | null = null;
  // Each name whose first word is the word, or the word without its particles
  // (an ambiguous name never takes particles).
  for (const entry of first.facts.months) {
    const rest = entry.words.slice(1);
    const fits = rest.every((word, k) => isWord(tokens[i + 1 + k], word));
    if (fits && (!best || i + entry.words.length > best.next)) {
      best = { month: entry.month, next: i + entry.words.length, ambiguous: entry.ambiguous };
    }
  }
  return best;
}

/** A month name, optionally doubled: تموز/يوليو, نوفمبر/تشرين الثاني, أيلول (سبتمبر). */
function matchMonth(tokens: Token[], i: number): MonthMatch | null {
  const first = matchMonthName(tokens, i);
  if (!first) return null;
  const sep = tokens[first.next];
  if (sep?.kind === "punct" && ["/", "-", "–", "\\"].includes(sep.raw)) {
    const second = matchMonthName(tokens, first.next + 1);
    if (second && second.month === first.month) return { month: first.month, next: second.next, ambiguous: false };
  }
  if (sep?.kind === "punct" && sep.raw === "(") {
    const second = matchMonthName(tokens, first.next + 1);
    if (second && second.month === first.month && tokens[second.next]?.raw === ")") {
      return { month: first.month, next: second.next + 1, ambiguous: false };
    }
  }
  return first;
}

/** A year after a month: optional comma, four digits, optional "م"; never a Hijri year. */
function matchYear(tokens: Token[], i: number): { year: number; next: number } | null {
  let k = i;
  if (isComma(tokens[k])) k++;
  const year = yearValue(tokens[k]);
  if (year === null || isHijriMarker(tokens[k + 1])) return null;
  k++;
  if (isGregorianMarker(tokens[k])) k++;
  return { year, next: k };
}

const pad = (n: number): string => String(n).padStart(2, "0");

function isoOf(year: number | undefined, month?: number, day?: number): string | null {
  if (year === undefined) return null;
  if (month === undefined) return String(year);
  if (day === undefined) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Days in a month; a yearless date is checked against a leap year (29 شباط is possible). */
function daysIn(month: number, year?: number): number {
  return DateTime.fromObject({ year: year ?? 2000, month, day: 1 }, { zone: "utc" }).daysInMonth ?? 31;
}

const MONTH_EN = Info.months("long", { locale: "en" });

function calendarProblem(year: number | undefined, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (year !== undefined && !DateTime.fromObject({ year, month, day }, { zone: "utc" }).isValid) {
    return `${MONTH_EN[month - 1]} ${year} has ${daysIn(month, year)} days, not ${day}`;
  }
  if (day > daysIn(month, year)) return `${MONTH_EN[month - 1]} never has ${day} days`;
  return null;
}

function spanText(text: string, tokens: Token[], from: number, next: number): { start: number; end: number; text: string } {
  const start = tokens[from]?.start ?? 0;
  const end = tokens[next - 1]?.end ?? start;
  return { start, end, text: text.slice(start, end) };
}

function weekdayOf(year: number, month: number, day: number): number {
  return DateTime.fromObject({ year, month, day }, { zone: "utc" }).weekday;
}

/** 28/07/2023, 28-07-2023, 28.07.2023, 2023/07/28, 2026-01-26 (always day before month). */
function matchNumeric(text: string, tokens: Token[], i: number): Match | null {
  const [a, s1, b, s2, c] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]];
  if (a?.kind !== "num" || b?.kind !== "num" || c?.kind !== "num") return null;
  if (s1?.kind !== "punct" || !["/", "-", "."].includes(s1.raw) || s2?.raw !== s1.raw) return null;
  if (![adjacent(a, s1), adjacent(s1, b), adjacent(b, s2), adjacent(s2, c)].every(Boolean)) return null;
  // Not part of a longer run such as 1/2/2023/4 or a version number.
  const before = tokens[i - 1];
  const after = tokens[i + 5];
  if ((adjacent(before, a) && before?.kind !== "word") || (adjacent(c, after) && after?.kind === "punct" && /\p{Nd}/u.test(tokens[i + 6]?.raw ?? ""))) {
    return null;
  }
  let year: number;
  let month: number;
  let day: number;
  if (a.norm.length === 4 && b.norm.length <= 2 && c.norm.length <= 2) {
    [year, month, day] = [Number(a.norm), Number(b.norm), Number(c.norm)];
  } else if (c.norm.length === 4 && a.norm.length <= 2 && b.norm.length <= 2) {
    [day, month, year] = [Number(a.norm), Number(b.norm), Number(c.norm)];
  } else {
    return null;
  }
  const span = spanText(text, tokens, i, i + 5);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const problem = day < 1 ? `there is no day ${day}` : calendarProblem(year, month, day);
  if (problem) return { next: i + 5, rejected: { ...span, reason: problem } };
  return {
    next: i + 5,
    mention: { ...span, precision: "day", iso: isoOf(year, month, day), year, month, day, form: "numeric" },
  };
}

const RANGE_WORDS = ["الي", "حتي", "لغايه"];

/** [weekday[،]] day [(و|-|إلى) day] month [، year [م]] */
function matchNamedDay(text: string, tokens: Token[], i: number, index: NameIndex): Match | null {
  let k = i;
  let weekday: number | undefined;
  if (isWord(tokens[k], "يوم") && index.weekdays.has(tokens[k + 1]?.norm ?? "")) k++;
  const weekdayToken = tokens[k];
  if (weekdayToken?.kind === "word") {
    const iso = weekdayToken.facts?.weekday;
    if (iso !== undefined) {
      weekday = iso;
      k++;
      if (isComma(tokens[k])) k++;
    }
  }
  const day = dayValue(tokens[k]);
  if (day === null) return null;
  k++;
  let endDay: number | undefined;
  const joiner = tokens[k];
  const second = dayValue(tokens[k + 1]);
  if (
    second !== null &&
    second > day &&
    (isWord(joiner, "و", ...RANGE_WORDS) || (joiner?.kind === "punct" && ["-", "–", "—"].includes(joiner.raw)))
  ) {
    endDay = second;
    k += 2;
  }
  const month = matchMonth(tokens, k);
  if (!month) return null;
  k = month.next;
  const year = matchYear(tokens, k);
  if (year) k = year.next;

  const span = spanText(text, tokens, i, k);
  const problem = calendarProblem(year?.year, month.month, endDay ?? day);
  if (problem) return { next: k, rejected: { ...span, reason: problem } };
  const mention: DateMention = {
    ...span,
    precision: "day",
    iso: isoOf(year?.year, month.month, day),
    month: month.month,
    day,
    form: "named",
  };
  if (year) mention.year = year.year;
  if (endDay !== undefined) mention.endDay = endDay;
  if (weekday !== undefined) {
    mention.weekday = weekday;
    if (year) mention.weekdayMatches = weekdayOf(year.year, month.month, day) === weekday;
  }
  return { next: k, mention };
}

/** month [، year]: أيار/مايو 2022 (or a lone unambiguous month name: في ديسمبر). */
function matchMonthYear(text: string, tokens: Token[], i: number): Match | null {
  const month = matchMonth(tokens, i);
  if (!month) return null;
  const year = matchYear(tokens, month.next);
  if (!year && month.ambiguous) return null;
  const next = year ? year.next : month.next;
  const mention: DateMention = {
    ...spanText(text, tokens, i, next),
    precision: "month",
    iso: isoOf(year?.year, month.month),
    month: month.month,
    form: "named",
  };
  if (year) mention.year = year.year;
  return { next, mention };
}

const YEAR_WORDS = new Set(["عام", "العام", "سنه", "السنه"]);

/** عام 2019, في عام 2019, لعام 2024, سنة 2015م. */
function matchYearPhrase(text: string, tokens: Token[], i: number): Match | null {
  const cue = tokens[i];
  if (cue?.kind !== "word" || cue.facts?.yearCue !== true) return null;
  const year = yearValue(tokens[i + 1]);
  if (year === null || isHijriMarker(tokens[i + 2])) return null;
  const next = isGregorianMarker(tokens[i + 2]) ? i + 3 : i + 2;
  return {
    next,
    mention: { ...spanText(text, tokens, i, next), precision: "year", iso: String(year), year, form: "year-phrase" },
  };
}

interface Scan {
  mentions: DateMention[];
  rejected: RejectedDate[];
  tokens: Token[];
}

const MIN_HIJRI_YEAR = 1300;
const MAX_HIJRI_YEAR = 1600;

/** day Hijri-month [،] year (هـ|ه|هجري) at token i; the marker may be left out when الموافق follows. */
function matchHijri(text: string, tokens: Token[], i: number, index: NameIndex): { next: number; hijri: HijriMention } | null {
  const day = dayValue(tokens[i]);
  const first = tokens[i + 1];
  if (day === null || day > 30 || first?.kind !== "word") return null;
  const entry = (index.hijriByFirstWord.get(first.norm) ?? []).find((candidate) =>
    candidate.words.slice(1).every((word, k) => isWord(tokens[i + 2 + k], word)),
  );
  if (!entry) return null;
  let k = i + 1 + entry.words.length;
  if (isComma(tokens[k])) k++;
  const year = yearValue(tokens[k]);
  if (year === null || year < MIN_HIJRI_YEAR || year > MAX_HIJRI_YEAR) return null;
  k++;
  if (isHijriMarker(tokens[k])) k++;
  else if (!isConcordance(tokens[k]) && !isConcordance(tokens[k + 1])) return null;
  return { next: k, hijri: { day, month: entry.month, year, text: spanText(text, tokens, i, k).text } };
}

/**
 * The text with every Hijri date, and the الموافق that joins it to its
 * Gregorian date, blanked out (offsets kept), so that the Gregorian date is
 * read as if written alone: الخميس 11 رمضان 1445 هـ الموافق 21 آذار 2024 م
 * reads as الخميس 21 آذار 2024 م. Returns the Hijri dates and where they were.
 */
function maskHijri(text: string, tokens: Token[], index: NameIndex): { masked: string; found: { start: number; end: number; hijri: HijriMention }[] } {
  const found: { start: number; end: number; hijri: HijriMention }[] = [];
  let masked = text;
  for (let i = 0; i < tokens.length; i++) {
    const match = matchHijri(text, tokens, i, index);
    if (!match) continue;
    let from = i;
    let next = match.next;
    if (isConcordance(tokens[from - 1])) from--;
    else if (isComma(tokens[next]) && isConcordance(tokens[next + 1])) next += 2;
    else if (isConcordance(tokens[next])) next++;
    const start = tokens[from]?.start ?? 0;
    const end = tokens[next - 1]?.end ?? start;
    masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
    found.push({ start, end, hijri: match.hijri });
    i = next - 1;
  }
  return { masked, found };
}

/** Only spaces and punctuation between two offsets of the masked text: the dates stand together. */
function standTogether(masked: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const between = a.end <= b.start ? masked.slice(a.end, b.start) : b.end <= a.start ? masked.slice(b.end, a.start) : "";
  return /^[\s(),،\-–—/]*$/u.test(between);
}

function scanDates(text: string, names: CalendarNames): Scan {
  const index = nameIndex(names);
  const written = tokenize(text, index);
  const { masked, found } = maskHijri(text, written, index);
  const tokens = found.length === 0 ? written : tokenize(masked, index);
  const mentions: DateMention[] = [];
  const rejected: RejectedDate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match =
      matchNumeric(text, tokens, i) ??
      matchNamedDay(text, tokens, i, index) ??
      matchMonthYear(text, tokens, i) ??
      matchYearPhrase(text, tokens, i);
    if (!match) {
      i++;
      continue;
    }
    if (match.mention) {
      const mention = match.mention;
      const beside = found.find((hijri) => mention.precision === "day" && standTogether(masked, hijri, mention));
      if (beside) mention.hijri = beside.hijri;
      mentions.push(mention);
    }
    if (match.rejected) rejected.push(match.rejected);
    i = Math.max(match.next, i + 1);
  }
  return { mentions, rejected, tokens };
}

/**
 * Every date expression in a text, in order, with its span and precision.
 * Impossible calendar dates (31 فبراير 2023) are left out; bare numbers
 * (تقرير 2024) are not dates; `عام 2019` is a year-precision mention.
 */
export function findDates(text: string, names: CalendarNames): DateMention[] {
  return scanDates(text, names).mentions;
}

/** Date-like expressions that were rejected, with the reason (for reports). */
export function findInvalidDates(text: string, names: CalendarNames): RejectedDate[] {
  return scanDates(text, names).rejected;
}

/** Words that may stand on a date line besides the date: "بتاريخ"، "نشر في". */
const DATE_LINE_LABELS = new Set(["تاريخ", "بتاريخ", "التاريخ", "النشر", "نشر", "في", "يوم", "الموافق", "اليوم"]);

/**
 * When a whole line is one date (٦ ديسمبر، ٢٠١٧ / نشر في 6 ديسمبر 2017),
 * the date; otherwise null. A year-only phrase is not a date line.
 */
export function findStandaloneDate(line: string, names: CalendarNames): DateMention | null {
  const { mentions, tokens } = scanDates(line, names);
  if (mentions.length !== 1) return null;
  const mention = mentions[0];
  if (!mention || mention.form === "year-phrase") return null;
  if (mention.precision === "month" && mention.year === undefined) return null;
  const leftover = tokens.filter((t) => t.end <= mention.start || t.start >= mention.end);
  const onlyLabels = leftover.every((t) => t.kind === "punct" || (t.kind === "word" && DATE_LINE_LABELS.has(t.norm)));
  return onlyLabels ? mention : null;
}

// ---------------------------------------------------------------------------
// The document's date
// ---------------------------------------------------------------------------

export interface DateInput {
  title: string;
  /** Where the title came from: dates in an "inferred" title are not read (it is body text). */
  titleSource: TitleSource;
  /** The body's non-empty lines (paragraphs, headings, list items) in reading order, without the title line. */
  lines: string[];
}

/** Builds the inference input from the text parser's output. */
export function dateInputFromParsedText(parsed: ParsedText): DateInput {
  const lines: string[] = [];
  for (const block of parsed.blocks) {
    if (block.kind === "list") lines.push(...block.items);
    else lines.push(block.text);
  }
  return { title: parsed.title, titleSource: parsed.titleSource, lines: lines.filter((line) => line.trim() !== "") };
}

/** How many leading lines may hold a standalone date line. */
const DATE_LINE_WINDOW = 3;
/** How many leading lines may hold a yearless event date (rule 5). */
const LEAD_WINDOW = 5;
/** Words that put a year in the future or in a plan: بحلول عام 2030، رؤية 2030. */
const FORWARD_CUES = new Set(["بحلول", "حتي", "رويه", "خطه", "استراتيجيه", "اجنده", "خلال", "قبل"]);
/** Words before a date in a lead sentence that make it the day of writing. */
const TODAY_CUES = new Set(["اليوم"]);
/** Plausible range for a bare number to count as a year when checking that no later year is written. */
const YEAR_LIKE = /(?<![\p{Nd}.,/])(1[89]\d\d|20\d\d|2100)(?![\p{Nd}])/gu;

const NO_DATE: DocumentDate = { iso: null, precision: "none", source: "none" };

function documentDateOf(mention: DateMention, source: DocumentDate["source"]): DocumentDate {
  const precision = mention.precision;
  const date: DocumentDate = { iso: mention.iso, precision, source, evidence: mention.text };
  if (mention.year !== undefined) date.year = mention.year;
  if (mention.month !== undefined && precision !== "year") date.month = mention.month;
  if (mention.day !== undefined && precision === "day") date.day = mention.day;
  return date;
}

/** Full dates: a year is written and, when a weekday is written, it agrees. */
function isTrustworthy(mention: DateMention): boolean {
  return mention.year !== undefined && mention.weekdayMatches !== false;
}

function wordBefore(tokens: Token[], mention: DateMention): Token | undefined {
  const i = tokens.findIndex((t) => t.start >= mention.start);
  for (let k = (i < 0 ? tokens.length : i) - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t?.kind === "word") return t;
    if (t && t.kind === "punct" && !COMMAS.has(t.raw) && t.raw !== "(") return undefined;
  }
  return undefined;
}

/** The text before the first spaced dash of a dateline ("جنيف، 5 مايو (رويترز) -"), or null. */
function datelinePrefix(line: string): string | null {
  const match = /^(.{2,80}?)\s[-–—]\s/u.exec(line);
  return match?.[1] ?? null;
}

function firstSentence(line: string): string {
  const end = line.search(/[.!?؟؛]/u);
  return end < 0 ? line : line.slice(0, end);
}

/**
 * Chooses THE date of a document, or precision "none". Never invents: every
 * date returned is written in the text, and a year is borrowed only when the
 * text leaves no doubt. The rules, first match wins:
 *
 *  1. Date line. One of the first 3 body lines is nothing but a date with a
 *     year (٦ ديسمبر، ٢٠١٧ / بتاريخ 6 ديسمبر 2017) -> that date, its own
 *     precision (day or month), source "text".
 *  2. Title. A title from the text or front matter (not one derived from the
 *     body) holds a date with a year at day or month precision
 *     (اليوم العالمي ... (30 تموز/يوليو 2022)) -> that date, source "text".
 *     Skipped when the title holds two different dates.
 *  3. Dateline. The start of the first body line up to its dash
 *     (جنيف، 5 مايو 2019 (رويترز) -) holds a date with a year -> that date.
 *  4. Lead sentence. The first sentence of the first body line holds a full
 *     date introduced as the day of writing: written with its weekday
 *     (الخميس 6 ديسمبر 2018) or after اليوم -> that date.
 *  5. Yearless event date. A day and month without a year (10 و11 أيلول/سبتمبر)
 *     in the title, the dateline or the first 5 body lines takes the year Y
 *     when the text makes Y unambiguous:
 *       a. Y is the latest year written in a date or year phrase (عام 2019,
 *          تشرين الثاني/نوفمبر 2018), leaving out phrases that look ahead
 *          (بحلول عام 2030، خطة 2030، حتى عام ...);
 *       b. no number anywhere in the text reads as a later year (a plan
 *          "2019-2023" written beside "عام 2014" makes the year unknown);
 *       c. no dated mention in Y falls after the yearless date (a text that
 *          writes "نوفمبر 2019" as past news may well be from 2020);
 *       d. the day exists in Y and a written weekday agrees with it.
 *     -> day precision, source "inferred", evidence naming both mentions.
 *     The idea: a news text reports the past and the present, so the latest
 *     year it writes is the year it was written in, unless something in it
 *     points later.
 *  6. Nothing else. Bare years and years mentioned in passing (لعام 2024،
 *     منذ إطلاقه عام 2015), month-years and full dates deep in the body are
 *     events the text talks about, not its date -> precision "none".
 *
 * Rules 1-4 skip dates whose written weekday disagrees with the date.
 */
export function inferDocumentDate(input: DateInput, names: CalendarNames): DocumentDate {
  return readDocumentDate(input, names).date;
}

/** The document's date (inferDocumentDate) and, when a Hijri date written beside it names another day, what is wrong. */
export function readDocumentDate(input: DateInput, names: CalendarNames): { date: DocumentDate; hijriProblem: string | null } {
  let chosen: DateMention | undefined;
  const toDocumentDate = (mention: DateMention, source: DocumentDate["source"]): DocumentDate => {
    chosen = mention;
    return documentDateOf(mention, source);
  };
  const date = chooseDocumentDate(input, names, toDocumentDate);
  return { date, hijriProblem: chosen ? hijriProblem(chosen, names) : null };
}

/**
 * When a Hijri date is written beside the Gregorian date (either order) and
 * the Umm al-Qura calendar puts the Gregorian day on another Hijri day, a
 * sentence saying so; else null. The Gregorian date stays the document's
 * date: a calendar that follows the local sighting of the moon may differ by
 * a day, and the text is reported, not corrected.
 */
export function hijriProblem(mention: DateMention, names?: CalendarNames): string | null {
  const hijri = mention.hijri;
  if (!hijri || mention.year === undefined || mention.month === undefined || mention.day === undefined) return null;
  const expected = hijriDate(`${mention.year}/${mention.month}/${mention.day}`);
  if (expected === null || (expected.day === hijri.day && expected.month === hijri.month && expected.year === hijri.year)) return null;
  const monthName = names?.hijriMonths[expected.month - 1] ?? expected.monthName;
  return `the date line says "${hijri.text}", but ${mention.day} ${MONTH_EN[mention.month - 1]} ${mention.year} is ${expected.day} ${monthName} ${expected.year} هـ in the Umm al-Qura calendar; the page is dated by the Gregorian date`;
}

function chooseDocumentDate(
  input: DateInput,
  names: CalendarNames,
  toDocumentDate: (mention: DateMention, source: DocumentDate["source"]) => DocumentDate,
): DocumentDate {
  const lines = input.lines.filter((line) => line.trim() !== "");

  // 1. A standalone date line near the top.
  let leadIndex = 0;
  for (const [i, line] of lines.slice(0, DATE_LINE_WINDOW).entries()) {
    const mention = findStandaloneDate(line, names);
    if (!mention) continue;
    if (isTrustworthy(mention)) return toDocumentDate(mention, "text");
    if (i === leadIndex) leadIndex = i + 1;
  }

  // 2. A date in the title.
  const titleRead = input.titleSource !== "inferred" && input.title.trim() !== "";
  const titleScan = titleRead ? scanDates(input.title, names) : null;
  if (titleScan) {
    const full = titleScan.mentions.filter(
      (m) => m.form !== "year-phrase" && m.precision !== "year" && isTrustworthy(m),
    );
    const first = full[0];
    if (first && full.every((m) => m.iso === first.iso)) return toDocumentDate(first, "text");
  }

  // 3. The dateline.
  const lead = lines[leadIndex] ?? "";
  const prefix = datelinePrefix(lead);
  const prefixMentions = prefix === null ? [] : findDates(prefix, names);
  const datelineDate = prefixMentions.find((m) => m.precision !== "year" && isTrustworthy(m));
  if (datelineDate) return toDocumentDate(datelineDate, "text");

  // 4. The lead sentence, when it says "today".
  const sentence = firstSentence(lead);
  const sentenceScan = scanDates(sentence, names);
  for (const mention of sentenceScan.mentions) {
    if (mention.precision !== "day" || !isTrustworthy(mention)) continue;
    const before = wordBefore(sentenceScan.tokens, mention);
    if (mention.weekday !== undefined || (before && TODAY_CUES.has(before.norm))) {
      return toDocumentDate(mention, "text");
    }
  }

  // 5. A yearless event date near the top, with a year the text makes plain.
  const yearless = (mentions: DateMention[]): DateMention | undefined =>
    mentions.find((m) => m.precision === "day" && m.year === undefined);
  const candidate =
    yearless(titleScan?.mentions ?? []) ??
    yearless(prefixMentions) ??
    lines.slice(leadIndex, leadIndex + LEAD_WINDOW).map((line) => yearless(findDates(line, names))).find(Boolean);
  if (candidate?.month !== undefined && candidate.day !== undefined) {
    const borrowed = borrowYear(candidate, titleRead ? [input.title, ...lines] : lines, names);
    if (borrowed) {
      const { year, evidence } = borrowed;
      return {
        iso: isoOf(year, candidate.month, candidate.day),
        precision: "day",
        source: "inferred",
        year,
        month: candidate.month,
        day: candidate.day,
        evidence: `${candidate.text} + ${evidence.text}`,
      };
    }
  }

  // 6. Nothing the text states as its date.
  return { ...NO_DATE };
}

function borrowYear(
  candidate: DateMention,
  texts: string[],
  names: CalendarNames,
): { year: number; evidence: DateMention } | null {
  const month = candidate.month ?? 0;
  const day = candidate.day ?? 0;
  const dated: DateMention[] = [];
  let latestYearLike = 0;
  for (const text of texts) {
    const { mentions, tokens } = scanDates(text, names);
    for (const mention of mentions) {
      if (mention.year === undefined) continue;
      const before = wordBefore(tokens, mention);
      if (before && FORWARD_CUES.has(before.norm)) continue;
      dated.push(mention);
    }
    for (const match of toWesternDigits(text).matchAll(YEAR_LIKE)) {
      latestYearLike = Math.max(latestYearLike, Number(match[1]));
    }
  }
  // a. The latest year written in a date or year phrase.
  const evidence = dated.reduce<DateMention | undefined>(
    (best, m) => (best === undefined || (m.year ?? 0) > (best.year ?? 0) ? m : best),
    undefined,
  );
  const year = evidence?.year;
  if (!evidence || year === undefined) return null;
  // b. No number reads as a later year.
  if (latestYearLike > year) return null;
  // c. Nothing dated later in that year.
  const later = dated.some(
    (m) =>
      m.year === year &&
      m.month !== undefined &&
      (m.month > month || (m.month === month && m.day !== undefined && m.day > day)),
  );
  if (later) return null;
  // d. The day exists in that year and agrees with a written weekday.
  const date = DateTime.fromObject({ year, month, day }, { zone: "utc" });
  if (!date.isValid) return null;
  if (candidate.weekday !== undefined && date.weekday !== candidate.weekday) return null;
  return { year, evidence };
}

// ---------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------

const ISO_LIKE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function fromParts(year: number, month?: number, day?: number): DocumentDate {
  const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  const date: DocumentDate = { iso: isoOf(year, month, day), precision, source: "front-matter", year };
  if (month !== undefined) date.month = month;
  if (day !== undefined) date.day = day;
  return date;
}

/**
 * Reads a `date:` value from front matter: "2017-12-06", "2019-09", "2019",
 * 2019 (a YAML number), a JS Date (YAML timestamps), or - when names are
 * given - an Arabic date (٦ ديسمبر ٢٠١٧، أيلول/سبتمبر 2019). Impossible dates
 * are refused with a message saying what is wrong and how to write it.
 */
export function parseFrontMatterDate(value: unknown, names?: CalendarNames): DocumentDate | { error: string } {
  const example = 'write it as "2017-12-06", "2017-12" or "2017"';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { error: `date is not a valid date; ${example}` };
    // YAML reads 2017-12-06 as midnight UTC: the UTC fields are the written date.
    return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return fromParts(value);
    return { error: `date ${value} is not a year; ${example}` };
  }
  if (typeof value !== "string" || value.trim() === "") {
    return { error: `date is empty or not text; ${example}` };
  }
  const written = value.trim();
  const iso = ISO_LIKE.exec(toWesternDigits(written));
  if (iso) {
    const year = Number(iso[1]);
    const month = iso[2] === undefined ? undefined : Number(iso[2]);
    const day = iso[3] === undefined ? undefined : Number(iso[3]);
    if (year < MIN_YEAR || year > MAX_YEAR) return { error: `date "${written}": year ${year} is out of range` };
    if (month !== undefined && (month < 1 || month > 12)) {
      return { error: `date "${written}": there is no month ${month}; months run 01-12 (year-month-day order)` };
    }
    if (month !== undefined && day !== undefined) {
      const max = daysIn(month, year);
      if (day < 1 || day > max) {
        return {
          error: `date "${written}" does not exist: ${MONTH_EN[month - 1]} ${year} has ${max} days. Correct the day (01-${max}), or write "${year}-${pad(month)}" if the day is not known`,
        };
      }
    }
    return fromParts(year, month, day);
  }
  if (names) {
    const { mentions, rejected } = scanDates(written, names);
    const bad = rejected[0];
    if (bad) return { error: `date "${written}" does not exist: ${bad.reason}; ${example}` };
    const only = mentions.length === 1 ? findStandaloneDate(written, names) : null;
    if (only?.year !== undefined) {
      return fromParts(only.year, only.month, only.precision === "day" ? only.day : undefined);
    }
    if (mentions.length === 1 && mentions[0]?.form === "year-phrase" && mentions[0].year !== undefined) {
      return fromParts(mentions[0].year);
    }
  }
  return { error: `date "${written}" is not a date this site can read; ${example}` };
}

// ---------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------

export type MonthNameSet = "levantine" | "egyptian" | "both";
export type DigitScript = "western" | "arabic-indic";

export interface FormatOptions {
  monthNames: MonthNameSet;
  digits: DigitScript;
}

/** The display name of a month: أيلول, سبتمبر, or أيلول/سبتمبر. */
export function monthDisplayName(month: number, set: MonthNameSet, names: CalendarNames): string {
  const entry = names.months.find((m) => m.number === month);
  if (!entry) throw new RangeError(`no month ${month}`);
  if (set === "levantine") return entry.levantine;
  if (set === "egyptian") return entry.egyptian;
  return `${entry.levantine}/${entry.egyptian}`;
}

function partsOf(date: DocumentDate): { year?: number; month?: number; day?: number } {
  const fromIso = ISO_LIKE.exec(date.iso ?? "");
  const year = date.year ?? (fromIso?.[1] ? Number(fromIso[1]) : undefined);
  const month = date.month ?? (fromIso?.[2] ? Number(fromIso[2]) : undefined);
  const day = date.day ?? (fromIso?.[3] ? Number(fromIso[3]) : undefined);
  const parts: { year?: number; month?: number; day?: number } = {};
  if (year !== undefined) parts.year = year;
  if (month !== undefined && date.precision !== "year") parts.month = month;
  if (day !== undefined && date.precision === "day") parts.day = day;
  return parts;
}

const digitsIn = (text: string, digits: DigitScript): string =>
  digits === "arabic-indic" ? toArabicIndicDigits(text) : text;

/**
 * A date for readers: "2019", "أيلول/سبتمبر 2019", "6 كانون الأول/ديسمبر 2017".
 * Precision "none" gives "".
 */
export function formatDate(date: DocumentDate, options: FormatOptions, names: CalendarNames): string {
  if (date.precision === "none") return "";
  const { year, month, day } = partsOf(date);
  if (year === undefined) return "";
  const words: string[] = [];
  if (day !== undefined) words.push(String(day));
  if (month !== undefined) words.push(monthDisplayName(month, options.monthNames, names));
  words.push(String(year));
  return digitsIn(words.join(" "), options.digits);
}

/**
 * The Hijri (Umm al-Qura) date of a day-precision date, e.g. "18 ربيع الأول 1439 هـ",
 * or null for other precisions. The conversion is ICU's (through luxon); month
 * names come from months.yaml when given, so the wording does not change with
 * the ICU version.
 */
export function formatHijri(date: DocumentDate, digits: DigitScript, names?: CalendarNames): string | null {
  if (date.precision !== "day") return null;
  const { year, month, day } = partsOf(date);
  if (year === undefined || month === undefined || day === undefined) return null;
  const hijri = hijriDate(`${year}/${month}/${day}`);
  if (hijri === null) return null;
  const monthName = names?.hijriMonths[hijri.month - 1] ?? hijri.monthName;
  return digitsIn(`${hijri.day} ${monthName} ${hijri.year} هـ`, digits);
}

interface HijriDate {
  day: number;
  month: number;
  year: number;
  /** ICU's name of the month. */
  monthName: string;
}

/** The Umm al-Qura date of a Gregorian "year/month/day", or null when there is no such day; worked out once per day. */
const hijriDate = memoize((ymd: string): HijriDate | null => {
  const [year, month, day] = ymd.split("/").map(Number);
  const gregorian = DateTime.fromObject({ year, month, day }, { zone: "utc" });
  if (!gregorian.isValid) return null;
  const hijri = gregorian.reconfigure({ locale: "ar", outputCalendar: "islamic-umalqura", numberingSystem: "latn" });
  const part = (format: Intl.DateTimeFormatOptions, type: string): string =>
    toWesternDigits(hijri.toLocaleParts(format).find((p) => p.type === type)?.value ?? "").replace(/[^\p{L}\p{N} ]/gu, "");
  return {
    day: Number(part({ day: "numeric" }, "day")),
    month: Number(part({ month: "numeric" }, "month")),
    year: Number(part({ year: "numeric" }, "year")),
    monthName: part({ month: "long" }, "month"),
  };
});
