// Metadata exports for researchers, written by every build into /data/:
// documents.json, documents.csv (one row per document) and organisations.json.
import { writeOutputFile } from "../build/output.ts";
import { timedSync } from "../build/timings.ts";
import type { EleventyConfig } from "../eleventy.ts";
import type { OrganisationRegistry } from "../enrich/organisations.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { DatePrecision, DateSource, OrganisationMention, TitleSource } from "../model.ts";
import type { Project } from "../project.ts";
import { compareNewestFirst } from "./views.ts";

export interface DocumentRecord {
  id: string;
  url: string;
  title: string;
  title_source: TitleSource;
  date: string | null;
  date_precision: DatePrecision;
  date_source: DateSource;
  place_city: string | null;
  place_country: string | null;
  organisations: OrganisationMention[];
  source_file: string;
}

export interface OrganisationRecord {
  id: string;
  name_ar: string;
  short_ar: string;
  name_en: string;
  acronyms: string[];
  type: string;
  website: string | null;
  document_count: number;
  url: string;
}

export function documentRecords(documents: readonly ArchiveDocument[], siteUrl: string): DocumentRecord[] {
  return [...documents].sort(compareNewestFirst).map((document) => ({
    id: document.slug,
    url: `${siteUrl}${document.url}`,
    title: document.title,
    title_source: document.titleSource,
    date: document.date.iso,
    date_precision: document.date.precision,
    date_source: document.date.source,
    place_city: document.place?.city ?? null,
    place_country: document.place?.country ?? null,
    organisations: document.organisations.map(({ id, count }) => ({ id, count })),
    source_file: document.sourcePath,
  }));
}

/** Organisations that appear in at least one document, most documents first. */
export function organisationRecords(documents: readonly ArchiveDocument[], registry: OrganisationRegistry, siteUrl: string): OrganisationRecord[] {
  const counts = new Map<string, number>();
  for (const document of documents) for (const { id } of document.organisations) counts.set(id, (counts.get(id) ?? 0) + 1);
  return registry.organisations
    .filter((organisation) => counts.has(organisation.id))
    .map((organisation) => ({
      id: organisation.id,
      name_ar: organisation.name_ar,
      short_ar: organisation.short_ar,
      name_en: organisation.name_en,
      acronyms: [...organisation.acronyms],
      type: organisation.type,
      website: organisation.website ?? null,
      document_count: counts.get(organisation.id) ?? 0,
      url: `${siteUrl}/organisations/${organisation.id}/`,
    }))
    .sort((a, b) => b.document_count - a.document_count || a.id.localeCompare(b.id));
}

export const CSV_COLUMNS = [
  "id",
  "url",
  "title",
  "title_source",
  "date",
  "date_precision",
  "date_source",
  "place_city",
  "place_country",
  "organisations",
  "source_file",
] as const;

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark, which
 * spreadsheet programs need to read Arabic correctly. Organisations are
 * `id:count` pairs separated by `;`.
 */
export function documentsCsv(records: readonly DocumentRecord[]): string {
  const rows = records.map((record) =>
    CSV_COLUMNS.map((column) => {
      if (column === "organisations") return record.organisations.map(({ id, count }) => `${id}:${count}`).join(";");
      const value = record[column];
      return value === null ? "" : String(value);
    }),
  );
  return `\uFEFF${[[...CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function exportFiles(project: Project): Map<string, string> {
  const { documents } = project.scan;
  const { url } = project.settings;
  const records = documentRecords(documents, url);
  return new Map([
    ["data/documents.json", `${JSON.stringify(records, null, 2)}\n`],
    ["data/documents.csv", documentsCsv(records)],
    ["data/organisations.json", `${JSON.stringify(organisationRecords(documents, project.data.registry, url), null, 2)}\n`],
  ]);
}

export function metadataExports(config: EleventyConfig, project: Project): void {
  config.on("eleventy.after", ({ directories }) => {
    timedSync("exports", () => {
      for (const [path, content] of exportFiles(project)) writeOutputFile(directories.output, path, content);
    });
  });
}
