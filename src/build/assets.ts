// The stylesheet and the self-hosted Arabic font. The font is cut down to the
// Arabic characters the site actually prints, and every asset's file name
// carries a hash of its bytes, so hosting can cache it forever.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { memoizeByObject } from "../arabic/memo.ts";
import type { EleventyConfig } from "../eleventy.ts";
import { subsetFonts } from "./fontSubset.ts";
import { writeOutputFile } from "./output.ts";
import { timed } from "./timings.ts";
import type { ArchiveDocument } from "../documents/pipeline.ts";
import { layoutsDir, type Assets, type Project } from "../project.ts";

const require = createRequire(import.meta.url);
const FONT_FILES = {
  400: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2",
  700: "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2",
} as const;

/** Arabic-script characters the font must cover (the @font-face unicode-range). */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/u;

/** `site.css` + bytes -> `site.1a2b3c4d5e.css`. */
export function fingerprintedName(name: string, content: Uint8Array | string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** When each UTF-16 code unit was last seen, by call of arabicCharacters(): no table to clear between calls. */
const lastSeen = new Uint32Array(0x10000);
let call = 0;

/** The sorted, distinct Arabic-script characters of some texts. */
export function arabicCharacters(texts: Iterable<string>): string {
  // Every range of ARABIC_SCRIPT lies in the BMP, so it is enough to note
  // which UTF-16 code units occur (one pass of charCodeAt per text) and test
  // each distinct one once; ascending code units are the sorted order.
  if (call === 0xffffffff) {
    lastSeen.fill(0);
    call = 0;
  }
  const mark = ++call;
  const codes: number[] = [];
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (lastSeen[code] !== mark) {
        lastSeen[code] = mark;
        codes.push(code);
      }
    }
  }
  let characters = "";
  for (const code of codes.sort((a, b) => a - b)) {
    const character = String.fromCharCode(code);
    if (ARABIC_SCRIPT.test(character)) characters += character;
  }
  return characters;
}

/** What a document's pages print of it, as its Arabic-script characters: once per document, so a save under `npm start` reads only the document saved. */
const documentCharacters = memoizeByObject((document: ArchiveDocument): string =>
  arabicCharacters([document.title, document.plainText, JSON.stringify(document.place)]),
);

/** Every text a page can print: documents, layouts and the data files they draw on. */
function printableTexts(project: Project): string[] {
  const layoutTexts = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? layoutTexts(join(dir, entry.name)) : [readFileSync(join(dir, entry.name), "utf8")],
    );
  const registry = project.data.registry.organisations.map((org) => `${org.name_ar} ${org.short_ar}`);
  const calendar = JSON.stringify(project.data.calendar);
  return [...layoutTexts(layoutsDir), JSON.stringify(project.settings), calendar, ...registry, ...project.scan.documents.map(documentCharacters)];
}

/**
 * The site ships one stylesheet, written as one file per concern in
 * layouts/assets: site.css (the base) first, then the others by name.
 */
function stylesheetSources(): string[] {
  const files = readdirSync(join(layoutsDir, "assets")).filter((file) => file.endsWith(".css"));
  return ["site.css", ...files.filter((file) => file !== "site.css").sort()];
}

interface BuiltAssets {
  assets: Assets;
  files: Map<string, Uint8Array | string>;
}

export async function buildAssets(project: Project, previous?: { characters: string; built: BuiltAssets }): Promise<{ characters: string; built: BuiltAssets }> {
  const characters = arabicCharacters(printableTexts(project));
  if (previous && previous.characters === characters) return previous;
  const files = new Map<string, Uint8Array | string>();
  const fontUrls: Record<string, string> = {};
  const weights = Object.entries(FONT_FILES);
  const subsets = await subsetFonts(weights.map(([, file]) => require.resolve(file)), characters);
  for (const [n, [weight]] of weights.entries()) {
    const subset = subsets[n] as Uint8Array;
    const name = fingerprintedName(`naskh-${weight}.woff2`, subset);
    files.set(`assets/fonts/${name}`, subset);
    fontUrls[`/assets/fonts/naskh-${weight}.woff2`] = `/assets/fonts/${name}`;
  }
  let css = stylesheetSources().map((file) => readFileSync(join(layoutsDir, "assets", file), "utf8")).join("\n");
  for (const [plain, hashed] of Object.entries(fontUrls)) css = css.replaceAll(plain, hashed);
  const cssName = fingerprintedName("site.css", css);
  files.set(`assets/${cssName}`, css);
  return {
    characters,
    built: {
      files,
      assets: {
        css: `/assets/${cssName}`,
        font400: fontUrls["/assets/fonts/naskh-400.woff2"] ?? "",
        font700: fontUrls["/assets/fonts/naskh-700.woff2"] ?? "",
      },
    },
  };
}

export function siteAssets(config: EleventyConfig, project: Project): void {
  let current: Awaited<ReturnType<typeof buildAssets>> | undefined;
  config.on("eleventy.before", async () => {
    await project.scanned;
    current = await timed("assets (font subset, stylesheet)", () => buildAssets(project, current));
    project.assets = current.built.assets;
  });
  config.on("eleventy.after", ({ directories }) => {
    if (!current) return;
    for (const [path, content] of current.built.files) writeOutputFile(directories.output, path, content);
  });
}
