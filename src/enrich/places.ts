// Datelines: the place a news text was written, as its first words say:
//   الدوحة (قطر) - يدعو خبراء ...
//   بوينس آيرس (الأرجنتين) - يجتمع ...
//   القاهرة - ...
//   جنيف، 5 مايو (رويترز) - ...

import { normalizeArabic } from "../arabic/normalize.ts";
import type { Place } from "../model.ts";
import { findStandaloneDate, type CalendarNames } from "./dates.ts";

export interface Dateline extends Place {
  /** A news agency named in the parentheses instead of a country. */
  agency?: string;
  /** The date written between the city and the dash, as written. */
  dateText?: string;
  /** The dateline as written, up to and including the dash. */
  text: string;
}

/** News agencies that stand in the parentheses of a dateline (compared normalised). */
const AGENCIES = [
  "رويترز",
  "أ ف ب",
  "ا ف ب",
  "أ.ف.ب",
  "فرانس برس",
  "د ب أ",
  "أ ش أ",
  "أسوشيتد برس",
  "أ ب",
  "الأناضول",
  "وام",
  "واس",
  "قنا",
  "كونا",
  "بترا",
  "سانا",
  "وفا",
  "شينخوا",
  "سبوتنيك",
  "يو بي آي",
  "خاص",
  "الأمم المتحدة",
].map(normalizeArabic);

/**
 * Words that open a text or a paragraph before a dash and are never city
 * names: particles, reporting verbs, ordinals, the labels of press texts
 * (بيان صحفي -، أولا -، وأضاف -). Any other one to three words before
 * "(COUNTRY) -" or " - " are read as the place: no gazetteer is needed.
 */
const NOT_CITY = new Set(
  [
    "في", "من", "على", "إلى", "عن", "و", "ثم", "قال", "قالت", "اليوم", "أمس", "ملاحظة", "تحديث", "عاجل", "المصدر", "حصة",
    "أضاف", "وأضاف", "أضافت", "وأضافت", "وقال", "وقالت", "أكد", "وأكد", "أكدت", "وأكدت", "أوضح", "وأوضح", "وأشار", "وتابع",
    "كما", "حيث", "لكن", "ولكن", "إلا", "أما", "وأما", "هذا", "هذه", "ذلك", "وذلك", "الذي", "التي", "بينما", "إذ",
    "أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "أخيرا", "وأخيرا", "ختاما", "أيضا", "كذلك",
    "بيان", "صحفي", "صحافي", "تصريح", "خبر", "تقرير", "مقابلة", "حوار", "تعليق", "ملخص", "إعلان", "تنويه", "مقال", "رأي",
  ].map(normalizeArabic),
);

const MAX_CITY_WORDS = 3;
const MAX_COUNTRY_WORDS = 3;

const WORD = String.raw`[\p{L}\p{M}\u200C\u200D]+`;
const DATELINE = new RegExp(
  String.raw`^\s*(?<city>${WORD}(?:[ \u00A0]+${WORD}){0,${MAX_CITY_WORDS - 1}})` +
    String.raw`\s*(?:[،,]\s*(?:(?<date>[^()\-–—]{1,40}?\p{Nd}[^()\-–—]{0,20}?)|(?<comma>${WORD}(?:[ \u00A0]+${WORD}){0,${MAX_COUNTRY_WORDS - 1}})(?=\s*[-–—]\s)))?` +
    String.raw`\s*(?:\((?<paren>[^()\p{Nd}]{1,40})\))?` +
    String.raw`\s*[-–—]\s+(?=\S)`,
  "u",
);

/** Reads a dateline at the very start of one line, or null. */
export function matchDateline(line: string): Dateline | null {
  const match = DATELINE.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const city = (groups["city"] ?? "").trim();
  const cityWords = city.split(/\s+/u);
  if (cityWords.length > MAX_CITY_WORDS || cityWords.some((word) => NOT_CITY.has(normalizeArabic(word)))) return null;

  const dateline: Dateline = { city, text: match[0].trimEnd() };
  const date = groups["date"]?.trim();
  if (date) {
    if (date.split(/\s+/u).length > 6) return null;
    dateline.dateText = date;
  }
  // جنيف، سويسرا - : a country after a comma, read like one in parentheses.
  const comma = groups["comma"]?.trim();
  if (comma) {
    if (AGENCIES.includes(normalizeArabic(comma))) dateline.agency = comma;
    else if (comma.split(/\s+/u).some((word) => NOT_CITY.has(normalizeArabic(word)))) return null;
    else dateline.country = comma;
  }
  const paren = groups["paren"]?.trim();
  if (paren) {
    const key = normalizeArabic(paren);
    if (AGENCIES.includes(key)) dateline.agency = paren;
    else if (paren.split(/\s+/u).length <= MAX_COUNTRY_WORDS) dateline.country = paren;
    else return null;
  }
  return dateline;
}

/** Without the calendar names: a short line with a number and no dash is taken as a date line. */
function looksLikeDateLine(line: string, names?: CalendarNames): boolean {
  if (names) return findStandaloneDate(line, names) !== null;
  return /\p{Nd}/u.test(line) && !/[-–—]/u.test(line) && line.trim().split(/\s+/u).length <= 6;
}

/**
 * The place of a text from its dateline. Only the first body line is read,
 * or the line after it when the first line is a standalone date line
 * (٦ ديسمبر، ٢٠١٧). Pass the calendar names to recognise date lines exactly.
 */
export function findDateline(firstBodyLines: string[], names?: CalendarNames): Place | null {
  const lines = firstBodyLines.filter((line) => line.trim() !== "");
  const first = lines[0];
  if (first === undefined) return null;
  const line = looksLikeDateLine(first, names) ? lines[1] : first;
  if (line === undefined) return null;
  const dateline = matchDateline(line);
  if (!dateline) return null;
  const place: Place = { city: dateline.city };
  if (dateline.country !== undefined) place.country = dateline.country;
  return place;
}
