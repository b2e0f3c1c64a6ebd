// Site settings from content/_data/site.yaml, checked once so templates can trust them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";

export interface SiteSettings {
  title: string;
  description: string;
  url: string;
  monthNames: "levantine" | "egyptian" | "both";
  digits: "western" | "arabic-indic";
  hijri: boolean;
  homeDocuments: number;
  /** The longest list one page shows before it continues on a next page (timeline years, organisations). */
  pageSize: number;
  /** The largest file the build reads as a document, in MB (1,048,576 bytes). */
  maxDocumentMB: number;
}

const CHOICES = {
  monthNames: ["levantine", "egyptian", "both"],
  digits: ["western", "arabic-indic"],
} as const;

/** Validate settings, listing every problem at once. */
export function loadSettings(yamlText: string, fileName = "site.yaml"): SiteSettings {
  const raw = (parseYaml(yamlText) ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const text = (key: string): string => {
    const value = raw[key];
    if (typeof value !== "string" || value.trim() === "") problems.push(`\`${key}\` must be a non-empty text`);
    return typeof value === "string" ? value.trim() : "";
  };
  const choice = <K extends keyof typeof CHOICES>(key: K): (typeof CHOICES)[K][number] => {
    const value = raw[key];
    const allowed: readonly string[] = CHOICES[key];
    if (typeof value !== "string" || !allowed.includes(value)) {
      problems.push(`\`${key}\` must be one of ${allowed.join(", ")} (found ${JSON.stringify(value)})`);
      return CHOICES[key][0];
    }
    return value as (typeof CHOICES)[K][number];
  };
  const settings: SiteSettings = {
    title: text("title"),
    description: text("description"),
    url: text("url").replace(/\/+$/, ""),
    monthNames: choice("monthNames"),
    digits: choice("digits"),
    hijri: raw.hijri === true,
    homeDocuments: typeof raw.homeDocuments === "number" ? raw.homeDocuments : 10,
    pageSize: raw.pageSize === undefined ? 50 : typeof raw.pageSize === "number" ? raw.pageSize : Number.NaN,
    maxDocumentMB: raw.maxDocumentMB === undefined ? 5 : typeof raw.maxDocumentMB === "number" ? raw.maxDocumentMB : Number.NaN,
  };
  if (typeof raw.hijri !== "boolean") problems.push("`hijri` must be true or false");
  if (!Number.isInteger(settings.homeDocuments) || settings.homeDocuments < 1) {
    problems.push("`homeDocuments` must be a whole number of at least 1");
  }
  if (!Number.isInteger(settings.pageSize) || settings.pageSize < 5) problems.push("`pageSize` must be a whole number of at least 5");
  if (!(settings.maxDocumentMB > 0 && settings.maxDocumentMB <= 1024)) problems.push("`maxDocumentMB` must be a number of megabytes above 0 and at most 1024 (default 5)");
  if (settings.url && !/^https?:\/\/[^/]+/.test(settings.url)) problems.push("`url` must start with https:// (the published address)");
  if (problems.length > 0) {
    throw new Error(`${fileName}: ${problems.length} problem(s) in the site settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return settings;
}

export function readSettings(dataDir: string): SiteSettings {
  const file = join(dataDir, "site.yaml");
  return loadSettings(readFileSync(file, "utf8"), file);
}
