// The wording of the browsing pages that a maintainer may edit:
// content/_data/labels.yaml, checked once so the pages can trust it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ORGANISATION_TYPES, type OrganisationType } from "../enrich/organisations.ts";
import type { CountedNoun } from "./views.ts";

export interface BrowseLabels {
  /** Section headings of the organisation index, in the order they are listed. */
  organisationTypes: { type: OrganisationType; label: string }[];
  mentions: CountedNoun;
  sharedDocuments: CountedNoun;
}

const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;

/** Validate labels.yaml, listing every problem at once. */
export function loadBrowseLabels(yamlText: string, fileName = "labels.yaml"): BrowseLabels {
  const raw = (parseYaml(yamlText) ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const record = (key: string): Record<string, unknown> => {
    const value = raw[key];
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push(`\`${key}\` must be a mapping`);
      return {};
    }
    return value as Record<string, unknown>;
  };

  const types = record("organisationTypes");
  for (const key of Object.keys(types)) {
    if (!(ORGANISATION_TYPES as readonly string[]).includes(key)) problems.push(`\`organisationTypes.${key}\` is not a registry type (${ORGANISATION_TYPES.join(", ")})`);
  }
  const listed = Object.keys(types).filter((key): key is OrganisationType => (ORGANISATION_TYPES as readonly string[]).includes(key));
  for (const type of ORGANISATION_TYPES) if (!listed.includes(type)) problems.push(`\`organisationTypes.${type}\` is missing: every registry type needs a heading`);
  const organisationTypes = listed.map((type) => {
    const label = types[type];
    if (typeof label !== "string" || label.trim() === "") {
      problems.push(`\`organisationTypes.${type}\` must be a non-empty text`);
      return { type, label: type };
    }
    return { type, label: label.trim() };
  });

  const noun = (key: string): CountedNoun => {
    const forms = record(key);
    const result = {} as CountedNoun;
    for (const category of PLURAL_CATEGORIES) {
      const form = forms[category];
      if (typeof form !== "string" || form.trim() === "") problems.push(`\`${key}.${category}\` must be a non-empty text`);
      else if ((category === "few" || category === "many" || category === "other") && !form.includes("{n}")) {
        problems.push(`\`${key}.${category}\` must contain {n}, where the number goes`);
      }
      result[category] = typeof form === "string" ? form.trim() : "";
    }
    return result;
  };

  const labels: BrowseLabels = { organisationTypes, mentions: noun("mentions"), sharedDocuments: noun("sharedDocuments") };
  if (problems.length > 0) {
    throw new Error(`${fileName}: ${problems.length} problem(s) in the browsing labels:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return labels;
}

export function readBrowseLabels(dataDir: string): BrowseLabels {
  const file = join(dataDir, "labels.yaml");
  return loadBrowseLabels(readFileSync(file, "utf8"), file);
}
