// Organisations mentioned in a document, found with the registry in
// content/_data/organisations.yaml. The registry is read and checked once;
// its names go into one phrase index, so matching a document is a single pass
// over its words whatever the size of the registry.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import {
  PhraseIndex,
  cliticStems,
  findPhrases,
  tokenize,
  type PhraseMatch,
  type PhraseSpec,
  type TokenizedText,
} from "../arabic/match.ts";
import { normalizeArabic, stripInvisibles } from "../arabic/normalize.ts";
import type { OrganisationMention } from "../model.ts";

/** The kinds of organisation; the YAML header explains each. */
export const ORGANISATION_TYPES = ["un", "eu", "regional", "intergovernmental", "police", "government", "ngo"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** One registry entry, with the field names of the YAML file. */
export interface Organisation {
  id: string;
  name_ar: string;
  short_ar: string;
  name_en: string;
  acronyms: string[];
  variants_ar: string[];
  names_latin: string[];
  type: OrganisationType;
  website?: string;
  parent?: string;
}

export interface OrganisationRegistry {
  organisations: readonly Organisation[];
  byId: ReadonlyMap<string, Organisation>;
  /** Every name of every entry, keyed by entry id; built once per registry. */
  index: PhraseIndex<string>;
}

const REGISTRY_FILE = "organisations.yaml";
const KNOWN_FIELDS = new Set([
  "id",
  "name_ar",
  "short_ar",
  "name_en",
  "acronyms",
  "variants_ar",
  "names_latin",
  "type",
  "website",
  "parent",
]);
const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]/;

/** The comparison key of a name: its words in normalised form (Latin lower-cased). */
function nameKey(name: string): string {
  return tokenize(name)
    .map((token) => token.norm)
    .join(" ");
}

/** Every name of an entry with the way it is matched: acronyms case-sensitively, the rest as text (also with one space lost). */
function namesOf(entry: Organisation): PhraseSpec<string>[] {
  const text = [entry.name_ar, entry.short_ar, ...entry.variants_ar, entry.name_en, ...entry.names_latin];
  return [
    ...text.map((phrase) => ({ key: entry.id, phrase, mode: "text" as const, glued: true })),
    ...entry.acronyms.map((phrase) => ({ key: entry.id, phrase, mode: "exact" as const })),
  ];
}

/** Head words the press uses for one another in the name of a UN office: مكتب/وكالة/هيئة الأمم المتحدة ... */
const HEAD_WORDS = ["مكتب", "وكالة", "هيئة"];
/** Names this long or longer take another head word: "هيئة الأمم المتحدة" alone is the UN, not an office. */
const MIN_WORDS_FOR_HEAD = 4;
const ARTICLE_WORD = /^([وف]?[بكل]?)(ال\S{2,})$/u;

/** A conjunct's attached prefix and its word: بالمخدرات -> [ب, المخدرات], للمخدرات -> [ل, المخدرات], المخدرات -> ["", المخدرات]. */
function splitConjunct(word: string): [string, string] {
  if (/^لل\S{2,}$/u.test(word)) return ["ل", `ال${word.slice(2)}`];
  const match = ARTICLE_WORD.exec(word);
  return match ? [match[1]!, match[2]!] : ["", word];
}

/** A prefix written onto a word, with ل + ال contracted to لل. */
function attachPrefix(prefix: string, word: string): string {
  return prefix.endsWith("ل") && word.startsWith("ال") ? `${prefix}${word.slice(1)}` : prefix + word;
}

/**
 * The other ways the press writes an Arabic name, made from the listed one:
 * the two last words in the other order when they are joined by و
 * (المعني بالمخدرات والجريمة -> المعني بالجريمة والمخدرات), the head word
 * مكتب/وكالة/هيئة exchanged in names of four words or more, and المعني/المعنية.
 * Only whole names are made, so a generic word never matches on its own.
 */
export function nameVariants(name: string): string[] {
  const words = name.trim().split(/\s+/u);
  let forms = [words];
  const last = words.at(-1) ?? "";
  if (words.length >= 3 && /^و\S{3,}$/u.test(last)) {
    const [prefix, first] = splitConjunct(words.at(-2)!);
    const second = last.slice(1);
    forms = [...forms, [...words.slice(0, -2), attachPrefix(prefix, second), `و${first}`]];
  }
  if (words.length >= MIN_WORDS_FOR_HEAD && HEAD_WORDS.includes(words[0]!)) {
    forms = forms.flatMap((form) => HEAD_WORDS.map((head) => [head, ...form.slice(1)]));
  }
  forms = forms.flatMap((form) => {
    const at = form.findIndex((word) => word === "المعني" || word === "المعنية");
    if (at < 0) return [form];
    return [form, form.map((word, i) => (i === at ? (word === "المعني" ? "المعنية" : "المعني") : word))];
  });
  const own = words.join(" ");
  return [...new Set(forms.map((form) => form.join(" ")))].filter((form) => form !== own);
}

/**
 * Read and check the registry. Every problem in the file is collected and
 * reported in one error, each naming the entry and the field.
 */
export function loadRegistry(yamlText: string, fileName = REGISTRY_FILE): OrganisationRegistry {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`${fileName}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(raw)) {
    throw new Error(`${fileName}: must be a list of organisations (each starting with "- id:")`);
  }

  const problems: string[] = [];
  const organisations: Organisation[] = [];
  const idCount = new Map<string, number>();
  for (const item of raw) {
    if (item && typeof item === "object" && typeof (item as Record<string, unknown>).id === "string") {
      const id = (item as Record<string, unknown>).id as string;
      idCount.set(id, (idCount.get(id) ?? 0) + 1);
    }
  }

  raw.forEach((item: unknown, position: number) => {
    const number = position + 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      problems.push(`entry #${number}: must be a mapping of fields (id, name_ar, …)`);
      return;
    }
    const fields = item as Record<string, unknown>;
    const label = typeof fields.id === "string" && fields.id ? `entry "${fields.id}" (#${number})` : `entry #${number}`;
    const problem = (field: string, message: string): void => {
      problems.push(`${label}: \`${field}\` ${message}`);
    };

    for (const field of Object.keys(fields)) {
      if (!KNOWN_FIELDS.has(field)) problem(field, `is not a known field (known: ${[...KNOWN_FIELDS].join(", ")})`);
    }

    const text = (field: string, arabic: boolean): string => {
      const value = fields[field];
      if (value === undefined || value === null || value === "") {
        problem(field, "is missing");
        return "";
      }
      if (typeof value !== "string") {
        problem(field, `must be a text (found ${JSON.stringify(value)})`);
        return "";
      }
      const trimmed = value.trim();
      if (arabic && !ARABIC_LETTER.test(trimmed)) problem(field, `must be written in Arabic (found "${trimmed}")`);
      if (!arabic && tokenize(trimmed).length === 0) problem(field, `has no words (found "${trimmed}")`);
      return trimmed;
    };
    const list = (field: string, arabic: boolean): string[] => {
      const value = fields[field];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) {
        problem(field, "must be a list (write [] for none)");
        return [];
      }
      const out: string[] = [];
      value.forEach((element: unknown, i: number) => {
        if (typeof element !== "string" || element.trim() === "") {
          problem(field, `item ${i + 1} must be a non-empty text (found ${JSON.stringify(element)})`);
        } else if (arabic && !ARABIC_LETTER.test(element)) {
          problem(field, `item ${i + 1} must be written in Arabic (found "${element}")`);
        } else if (tokenize(element).length === 0) {
          problem(field, `item ${i + 1} has no words (found "${element}")`);
        } else {
          out.push(element.trim());
        }
      });
      return out;
    };

    let id = "";
    if (typeof fields.id !== "string" || fields.id === "") {
      problem("id", "is missing");
    } else if (!ID_SHAPE.test(fields.id)) {
      problem("id", "must be lower-case letters and digits joined by hyphens (e.g. un-general-assembly)");
    } else {
      id = fields.id;
      if ((idCount.get(id) ?? 0) > 1) problem("id", `"${id}" is used by ${idCount.get(id)} entries; ids must be unique`);
    }

    const type = fields.type;
    if (type === undefined || type === null || type === "") {
      problem("type", `is missing (one of: ${ORGANISATION_TYPES.join(", ")})`);
    } else if (typeof type !== "string" || !(ORGANISATION_TYPES as readonly string[]).includes(type)) {
      problem("type", `"${String(type)}" is not a known type (one of: ${ORGANISATION_TYPES.join(", ")})`);
    }

    const entry: Organisation = {
      id,
      name_ar: text("name_ar", true),
      short_ar: text("short_ar", true),
      name_en: text("name_en", false),
      acronyms: list("acronyms", false),
      variants_ar: list("variants_ar", true),
      names_latin: list("names_latin", false),
      type: (typeof type === "string" ? type : "ngo") as OrganisationType,
    };

    if (fields.website !== undefined && fields.website !== null) {
      if (typeof fields.website !== "string" || !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(fields.website.trim())) {
        problem("website", `must be a web address starting with https:// (found ${JSON.stringify(fields.website)})`);
      } else {
        entry.website = fields.website.trim();
      }
    }
    if (fields.parent !== undefined && fields.parent !== null) {
      if (typeof fields.parent !== "string" || !idCount.has(fields.parent)) {
        problem("parent", `"${String(fields.parent)}" is not the id of an entry`);
      } else if (fields.parent === id) {
        problem("parent", "cannot be the entry itself");
      } else {
        entry.parent = fields.parent;
      }
    }
    organisations.push(entry);
  });

  // A name may belong to one entry only, compared the way the matcher compares.
  const owner = new Map<string, { id: string; label: string; name: string }>();
  organisations.forEach((entry, position) => {
    const label = entry.id ? `entry "${entry.id}" (#${position + 1})` : `entry #${position + 1}`;
    for (const spec of namesOf(entry)) {
      if (!spec.phrase) continue;
      const key = nameKey(spec.phrase);
      if (!key) continue;
      const previous = owner.get(key);
      if (!previous) {
        owner.set(key, { id: entry.id, label, name: spec.phrase });
      } else if (previous.label !== label && previous.id !== entry.id) {
        // (Two entries with one id are already reported as a duplicate id.)
        problems.push(
          `${label}: name "${spec.phrase}" is already a name of ${previous.label} ("${previous.name}"); a name may belong to one entry only`,
        );
      }
    }
  });

  if (problems.length > 0) {
    throw new Error(
      `${fileName}: ${problems.length} problem(s) in the organisation registry:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }

  // The variants nameVariants() makes, each kept only when no listed name and
  // no other entry's variant has its words: a listed name always wins.
  const madeBy = new Map<string, string | null>();
  const made: PhraseSpec<string>[] = [];
  for (const entry of organisations) {
    for (const name of [entry.name_ar, ...entry.variants_ar]) {
      for (const variant of nameVariants(name)) {
        const key = nameKey(variant);
        if (owner.has(key)) continue;
        const previous = madeBy.get(key);
        if (previous === undefined) madeBy.set(key, entry.id);
        else if (previous !== entry.id) madeBy.set(key, null);
        made.push({ key: entry.id, phrase: variant, mode: "text", glued: true });
      }
    }
  }
  const kept = new Set<string>();
  const variants = made.filter((spec) => {
    const key = nameKey(spec.phrase);
    if (madeBy.get(key) !== spec.key || kept.has(key)) return false;
    kept.add(key);
    return true;
  });

  const index = new PhraseIndex<string>([...organisations.flatMap(namesOf), ...variants]);
  return { organisations, byId: new Map(organisations.map((entry) => [entry.id, entry])), index };
}

/** Read content/_data/organisations.yaml (or the file of that name in `dataDir`). */
export function readRegistry(dataDir: string): OrganisationRegistry {
  const file = join(dataDir, REGISTRY_FILE);
  return loadRegistry(readFileSync(file, "utf8"), file);
}

function toSource(text: string | TokenizedText): TokenizedText {
  return typeof text === "string" ? { text, tokens: tokenize(text) } : text;
}

/**
 * Every place a registry organisation is named, longest name winning its
 * words, in text order. The match key is the organisation id.
 */
export function findOrganisationMatches(text: string | TokenizedText, registry: OrganisationRegistry): PhraseMatch<string>[] {
  return findPhrases(text, registry.index);
}

/** The organisations a document names, with how often: most mentioned first, then by id. */
export function findOrganisations(text: string | TokenizedText, registry: OrganisationRegistry): OrganisationMention[] {
  const counts = new Map<string, number>();
  for (const match of findOrganisationMatches(text, registry)) counts.set(match.key, (counts.get(match.key) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------------------
// Candidates: names that look like organisations but are not in the registry

/** Words that start an organisation's name, as written in a candidate. */
const TRIGGERS = ["منظمة", "مكتب", "وزارة", "اللجنة", "الشرطة", "المفوضية", "الاتحاد", "الوكالة"];
const TRIGGER_BY_KEY = new Map(TRIGGERS.map((word) => [normalizeArabic(word), word]));

/** Words after which a name does not go on (prepositions, conjunctions, relatives, demonstratives…). */
const STOP_WORDS = new Set(
  [
    "في", "من", "على", "عن", "إلى", "الى", "مع", "و", "أو", "ثم", "بل", "لكن", "التي", "الذي", "الذين", "اللذين",
    "اللتين", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "بين", "حيث", "كما", "قد", "لقد", "لم", "لن", "لا", "ما", "أن",
    "إن", "ان", "عند", "منذ", "خلال", "حول", "ضد", "عبر", "بعد", "قبل", "لدى", "حتى", "كل", "جميع", "هو", "هي",
    "وهو", "وهي", "بشأن", "نحو", "أمام", "دون", "غير", "أي", "إذ", "إذا", "كان", "كانت", "يكون", "تكون", "قال",
    "قالت", "أيضا", "عام", "يوم", "اليوم",
  ].map(normalizeArabic),
);

const MAX_CANDIDATE_WORDS = 6;
/** A word that can continue a name: definite, or joined with ل / لل / بال. */
const NAME_WORD = /^(?:ال|لل|بال|ل[^\s]{3,})/;
/** Between two words of a candidate: spaces only, no punctuation, no line break. */
const SPACE_GAP = /^[^\S\n]+$/;

/**
 * Phrases that look like organisation names (starting منظمة، مكتب، وزارة،
 * اللجنة، الشرطة، المفوضية، الاتحاد، الوكالة, prefixes allowed) and are not in
 * the registry, two to six words long, in order of first appearance and
 * without repeats. A maintainer reads them in the content report to grow the
 * registry. A registry name right after the trigger is taken whole and ends
 * the phrase ("مكتب الأمم المتحدة", "اللجنة التنفيذية للإنتربول").
 */
export function findCandidateOrganisations(text: string | TokenizedText, registry: OrganisationRegistry): string[] {
  const source = toSource(text);
  const { tokens } = source;
  const matches = findOrganisationMatches(source, registry);
  const covered = new Uint8Array(tokens.length);
  const matchStartingAt = new Map<number, PhraseMatch<string>>();
  for (const match of matches) {
    covered.fill(1, match.tokenStart, match.tokenEnd);
    matchStartingAt.set(match.tokenStart, match);
  }

  const seen = new Set<string>();
  const candidates: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (covered[i] || token.kind !== "arabic") continue;
    const triggerKey = cliticStems(token.norm, { stripArticle: false }).find((stem) => TRIGGER_BY_KEY.has(stem));
    if (triggerKey === undefined) continue;
    const words = [triggerKey === token.norm ? token.text : (TRIGGER_BY_KEY.get(triggerKey) ?? token.text)];

    let j = i + 1;
    while (words.length < MAX_CANDIDATE_WORDS && j < tokens.length) {
      const next = tokens[j]!;
      if (!SPACE_GAP.test(stripInvisibles(source.text.slice(tokens[j - 1]!.end, next.start)))) break;
      const registered = matchStartingAt.get(j);
      if (registered) {
        const length = registered.tokenEnd - registered.tokenStart;
        // "الشرطة الاتحادية ووزارة الأمن…": a name joined on with و is a second organisation.
        const firstWord = tokenize(registered.phrase)[0]?.norm ?? "";
        const conjoined =
          next.norm !== firstWord && /^[وف]/.test(next.norm) && cliticStems(next.norm.slice(1)).includes(firstWord);
        if (!conjoined && words.length + length <= MAX_CANDIDATE_WORDS) {
          for (let k = registered.tokenStart; k < registered.tokenEnd; k++) words.push(tokens[k]!.text);
        }
        break;
      }
      if (next.kind !== "arabic" || STOP_WORDS.has(next.norm)) break;
      if (next.norm.startsWith("وال")) break; // "و" + article: a new phrase begins
      // A name goes on with a definite word: "وزارة الداخلية", "اللجنة الوطنية";
      // "الشرطة لتحديد…" or "منظمة إجرامية" are not names. Later words may
      // also be joined with ل or بال: "لمكافحة الاتجار بالبشر", "لحقوق الإنسان".
      if (words.length === 1 ? !next.norm.startsWith("ال") : !NAME_WORD.test(next.norm)) break;
      words.push(next.text);
      j++;
    }
    if (words.length < 2) continue;
    const phrase = words.join(" ");
    const key = normalizeArabic(phrase);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(phrase);
  }
  return candidates;
}
