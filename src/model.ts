// The shapes data takes as it flows: ingest -> text -> enrich -> site.
// Each module owns the functions; this file only names what they pass on.

/** A block of a parsed text, in reading order. Text is display text (quotes typeset). */
export type Block =
  | { kind: "paragraph"; text: string; line: number }
  | { kind: "heading"; text: string; line: number }
  | { kind: "standfirst"; text: string; line: number }
  | { kind: "caption"; text: string; line: number }
  | { kind: "list"; ordered: boolean; items: string[]; line: number };

/** A line left out of the page because it is leftover web-page furniture. */
export interface RemovedLine {
  line: number;
  text: string;
  /** Which furniture rule matched, for the content report. */
  rule: string;
}

export type TitleSource = "front-matter" | "text" | "inferred";

/** What src/text reads out of a text body. */
export interface ParsedText {
  title: string;
  titleSource: TitleSource;
  /** 1-based line of the title in the body when it came from the text. */
  titleLine?: number;
  blocks: Block[];
  removed: RemovedLine[];
}

export type DatePrecision = "day" | "month" | "year" | "none";
export type DateSource = "front-matter" | "text" | "inferred" | "none";

export interface DocumentDate {
  /** ISO 8601 at the precision: "2017-12-06", "2019-09", "2019", or null. */
  iso: string | null;
  precision: DatePrecision;
  source: DateSource;
  year?: number;
  month?: number;
  day?: number;
  /** The words in the text the date was read from, for the content report. */
  evidence?: string;
}

export interface Place {
  city: string;
  country?: string;
}

export interface OrganisationMention {
  id: string;
  count: number;
}
