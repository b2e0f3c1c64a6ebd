// The researchers' exports written by every build, validated against a schema,
// and the content report of `npm run check`.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse as parseCsv } from "csv-parse/sync";
import { buildSite, FIXTURE_CORPUS_SLUGS, fixturesDir, projectRoot, readOutput, type BuildRun } from "../support/build.ts";

const DATE = { type: ["string", "null"], pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };

const documentSchema = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "url", "title", "title_source", "date", "date_precision", "date_source", "place_city", "place_country", "organisations", "source_file"],
    properties: {
      id: { type: "string", pattern: "^[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*$" },
      url: { type: "string", pattern: "^https://[^/]+/documents/[^/]+/$" },
      title: { type: "string", minLength: 1 },
      title_source: { enum: ["front-matter", "text", "inferred"] },
      date: DATE,
      date_precision: { enum: ["day", "month", "year", "none"] },
      date_source: { enum: ["front-matter", "text", "inferred", "none"] },
      place_city: { type: ["string", "null"] },
      place_country: { type: ["string", "null"] },
      organisations: {
        type: "array",
        items: { type: "object", additionalProperties: false, required: ["id", "count"], properties: { id: { type: "string" }, count: { type: "integer", minimum: 0 } } },
      },
      source_file: { type: "string" },
    },
  },
};

const organisationSchema = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "name_ar", "short_ar", "name_en", "acronyms", "type", "website", "document_count", "url"],
    properties: {
      id: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
      name_ar: { type: "string", minLength: 1 },
      short_ar: { type: "string", minLength: 1 },
      name_en: { type: "string", minLength: 1 },
      acronyms: { type: "array", items: { type: "string" } },
      type: { enum: ["un", "eu", "regional", "intergovernmental", "police", "government", "ngo"] },
      website: { type: ["string", "null"] },
      document_count: { type: "integer", minimum: 1 },
      url: { type: "string", pattern: "^https://[^/]+/organisations/[a-z0-9-]+/$" },
    },
  },
};

interface DocumentRow {
  id: string;
  date: string | null;
  date_precision: string;
  organisations: { id: string; count: number }[];
  [key: string]: unknown;
}

let run: BuildRun;
let documents: DocumentRow[];

beforeAll(() => {
  run = buildSite(join(fixturesDir, "corpus"));
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  documents = JSON.parse(readOutput(run, "data/documents.json")) as DocumentRow[];
});

describe("data/documents.json", () => {
  it("validates against the schema, one record per published document", () => {
    const validate = new Ajv({ allErrors: true }).compile(documentSchema);
    expect(validate(documents), JSON.stringify(validate.errors)).toBe(true);
    expect(documents.map((row) => row.id).sort()).toEqual(FIXTURE_CORPUS_SLUGS);
  });

  it("holds what the pipeline read: dates with precision and source, places, organisations", () => {
    const doha = documents.find((row) => row.id === "interpol-doha-2017")!;
    expect(doha).toMatchObject({ date: "2017-12-06", date_precision: "day", date_source: "text", place_city: "الدوحة", place_country: "قطر", title_source: "text" });
    expect(doha.organisations[0]).toEqual({ id: "interpol", count: 9 });
    const gcc = documents.find((row) => row.id === "unodc-gcc-vienna")!;
    expect(gcc).toMatchObject({ date: null, date_precision: "none", date_source: "none", title_source: "inferred" });
    expect(gcc.organisations.map((mention) => mention.id).sort()).toEqual(["ccpcj", "gcc", "un", "unodc"]);
    const markdown = documents.find((row) => row.id === "markdown-note")!;
    expect(markdown).toMatchObject({ date: "2023-05", date_precision: "month", date_source: "front-matter" });
  });
});

describe("data/documents.csv", () => {
  it("holds the same rows as the JSON, readable by a CSV parser", () => {
    const rows = parseCsv(readOutput(run, "data/documents.csv"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(documents.length);
    rows.forEach((row, index) => {
      const record = documents[index]!;
      expect(row.id).toBe(record.id);
      expect(row.title).toBe(record.title);
      expect(row.date).toBe(record.date ?? "");
      expect(row.organisations).toBe(record.organisations.map(({ id, count }) => `${id}:${count}`).join(";"));
    });
  });
});

describe("data/organisations.json", () => {
  it("validates against the schema and counts documents per organisation", () => {
    const organisations = JSON.parse(readOutput(run, "data/organisations.json")) as { id: string; document_count: number }[];
    const validate = new Ajv({ allErrors: true }).compile(organisationSchema);
    expect(validate(organisations), JSON.stringify(validate.errors)).toBe(true);
    for (const organisation of organisations) {
      const mentioning = documents.filter((row) => row.organisations.some((mention) => mention.id === organisation.id));
      expect(organisation.document_count).toBe(mentioning.length);
    }
    // Three seeds name INTERPOL; the override example names it too but its front matter removes it.
    expect(organisations.find((organisation) => organisation.id === "interpol")?.document_count).toBe(3);
  });
});

describe("npm run check", () => {
  it("prints the content report for a corpus folder", () => {
    const result = spawnSync("npm", ["run", "--silent", "check", "--", join(fixturesDir, "corpus")], { cwd: projectRoot, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const report = result.stdout;
    expect(report).toContain("interpol-doha-2017.txt: published at /documents/interpol-doha-2017/");
    expect(report).toContain('date: 2017-12-06 (precision day, text, read from "٦ ديسمبر، ٢٠١٧")');
    expect(report).toContain("place: الدوحة، قطر");
    expect(report).toContain("organisations: interpol ×9, qatar-national-committee-trafficking ×1");
    expect(report).toMatch(/unodc-gcc-vienna\.txt[\s\S]*?! no date found[\s\S]*?! title inferred/);
    expect(report).toContain("possible organisations not in the registry: الشرطة الاتحادية");
    expect(report).toContain("7 files: 7 published, 0 ignored, 0 rejected; 0 error(s).");
  });
});
