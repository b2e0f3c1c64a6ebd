// Shared by the browsing tests: small archive documents made by hand, and a
// view context with the project's own calendar names and registry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCalendarNames } from "../../../src/enrich/dates.ts";
import { readRegistry } from "../../../src/enrich/organisations.ts";
import type { ArchiveDocument } from "../../../src/documents/pipeline.ts";
import type { DocumentDate } from "../../../src/model.ts";
import { projectDataDir } from "../../../src/project.ts";
import { readBrowseLabels, type BrowseLabels } from "../../../src/site/labels.ts";
import { loadSettings, type SiteSettings } from "../../../src/site/settings.ts";
import type { ViewContext } from "../../../src/site/views.ts";

/** "2019-09-10", "2019-09", "2019" or null, as the pipeline would date a document. */
export function dated(iso: string | null): DocumentDate {
  if (iso === null) return { iso: null, precision: "none", source: "none" };
  const [year, month, day] = iso.split("-").map(Number);
  const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  const date: DocumentDate = { iso, precision, source: "front-matter" };
  if (year !== undefined) date.year = year;
  if (month !== undefined) date.month = month;
  if (day !== undefined) date.day = day;
  return date;
}

export function doc(slug: string, iso: string | null, organisations: Record<string, number> = {}, title = `وثيقة ${slug}`): ArchiveDocument {
  return {
    sourcePath: `${slug}.txt`,
    slug,
    url: `/documents/${slug}/`,
    format: "txt",
    title,
    titleSource: "text",
    date: dated(iso),
    place: null,
    organisations: Object.entries(organisations).map(([id, count]) => ({ id, count })),
    removed: [],
    bodyHtml: `<p>نص ${slug}</p>`,
    plainText: `نص الوثيقة ${slug}.`,
  };
}

const siteYaml = readFileSync(join(projectDataDir, "site.yaml"), "utf8");

export function settingsWith(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return { ...loadSettings(siteYaml), ...overrides };
}

const calendar = await readCalendarNames(projectDataDir);
const registry = readRegistry(projectDataDir);

export function contextWith(overrides: Partial<SiteSettings> = {}): ViewContext {
  return { settings: settingsWith(overrides), calendar, registry };
}

export const labels: BrowseLabels = readBrowseLabels(projectDataDir);
