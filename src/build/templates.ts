// Production builds minify the layouts once, not every page.
//
// A page is its layout's markup plus values (titles, dates) and the document
// body, which src/text renders without layout whitespace. Minifying each
// layout's source once with html-minifier-terser (Nunjucks tags left intact)
// gives the same bytes a per-page pass would remove, at the cost of a few
// milliseconds per build instead of a full HTML parse of every page
// (on 10,000 pages that pass costs more than Eleventy's whole render).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import nunjucks from "nunjucks";
import { minify } from "html-minifier-terser";
import type { EleventyConfig } from "../eleventy.ts";
import { layoutsDir } from "../project.ts";
import type { Options } from "html-minifier-terser";

/**
 * Options that never change what a reader sees: whitespace between inline
 * elements is kept as one space (so a link's text never glues onto the next
 * word, html-minifier-terser issue 179), scripts (JSON-LD, modules) are left
 * as written, and there is no inline CSS or JS to minify.
 */
export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  minifyCSS: false,
  minifyJS: false,
  processScripts: [],
  decodeEntities: false,
};

/** Nunjucks tags, outputs and comments pass through the minifier untouched. */
const NUNJUCKS_FRAGMENTS = [/\{%-?[\s\S]*?-?%\}/, /\{\{-?[\s\S]*?-?\}\}/, /\{#[\s\S]*?#\}/];
const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/** Feeds, the sitemap and robots.txt are templates too, but not HTML: they are left as written. */
export function isHtmlTemplate(source: string): boolean {
  const frontMatter = FRONT_MATTER.exec(source)?.[0] ?? "";
  const permalink = /^permalink:.*$/m.exec(frontMatter)?.[0] ?? "";
  return !/\.(?:xml|txt|json)\b/.test(permalink) && !source.slice(frontMatter.length).trimStart().startsWith("<?xml");
}

/** A permalink that only prints one value of the page's data: `permalink: "{{ feed.url }}"`. */
const VALUE_PERMALINK = /^permalink:\s*"\{\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}\}"\s*$/m;

/**
 * A page template's permalink as a function of its data, when it only prints
 * one value (`{{ feed.url }}`): Eleventy caches no Nunjucks compile, so a
 * permalink string is compiled again for each page of a paginated template
 * (when the documents' pages were one, about half a second on 2,000
 * documents; the feeds' are the one left). A printed URL that would
 * need HTML escaping (Nunjucks escapes it) is an error in the page's data.
 */
export function valuePermalink(source: string, name: string): ((data: Record<string, unknown>) => string) | undefined {
  const frontMatter = FRONT_MATTER.exec(source)?.[0] ?? "";
  const path = VALUE_PERMALINK.exec(frontMatter)?.[1]?.split(".");
  if (!path) return undefined;
  return (data) => {
    const value: unknown = path.reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], data);
    if (typeof value !== "string" || /[&<>"']/.test(value)) {
      throw new Error(`The permalink of layouts/${name} (${path.join(".")}) is ${JSON.stringify(value)}: it must be a URL path without & < > " or '. Check the data that makes it.`);
    }
    return value;
  };
}

/** Minify a Nunjucks HTML template, keeping its front matter and template syntax as written. */
export async function minifyTemplate(source: string, name: string): Promise<string> {
  const frontMatter = FRONT_MATTER.exec(source)?.[0] ?? "";
  const markup = source.slice(frontMatter.length);
  try {
    const minified = await minify(markup, { ...MINIFY_OPTIONS, ignoreCustomFragments: NUNJUCKS_FRAGMENTS });
    return `${frontMatter}${minified}`;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`Could not minify the layout ${name}: ${reason}. Check its HTML.`, { cause: error });
  }
}

/** Every .njk file under layouts/, by its path relative to that folder. */
export function layoutSources(): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".njk")) sources.set(relative(layoutsDir, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(layoutsDir);
  return sources;
}

/** Templates served from memory (already minified) to Nunjucks' include and import tags. */
class MemoryLoader extends nunjucks.Loader {
  constructor(private readonly templates: ReadonlyMap<string, string>) {
    super();
  }

  getSource(name: string): nunjucks.LoaderSource {
    const src = this.templates.get(name);
    if (src === undefined) throw new Error(`Template not found in layouts/: ${name}`);
    return { src, path: join(layoutsDir, name), noCache: false };
  }
}

/** The layouts as the build uses them: minified in production, as written under the development server. */
const VIRTUAL_LAYOUTS = "_archive-layouts";

export interface TemplateSources {
  /** Eleventy's includes folder, relative to the input folder. */
  includes: string;
  /** Source of a layout file, by its path relative to layouts/ (e.g. "pages/index.njk"). */
  source(name: string): string;
  names(): string[];
}

/**
 * In production builds, every layout, partial and page is served minified:
 * Nunjucks' include tags read from memory, and the layouts Eleventy reads
 * itself (base.njk) are registered as virtual templates at
 * their own paths. The development server reads the files as written.
 */
export async function templateSources(config: EleventyConfig, input: string): Promise<TemplateSources> {
  const sources = layoutSources();
  let includes = relative(input, layoutsDir);
  if (process.env.ELEVENTY_RUN_MODE === "build") {
    for (const [name, source] of sources) {
      if (isHtmlTemplate(source)) sources.set(name, await minifyTemplate(source, `layouts/${name}`));
    }
    // Nunjucks escapes every value unless a template says `| safe`: keep that explicit here.
    config.setLibrary("njk", new nunjucks.Environment(new MemoryLoader(sources), { autoescape: true }));
    // Eleventy looks layouts up by their path in the input folder: this one exists only in memory.
    includes = VIRTUAL_LAYOUTS;
    for (const [name, source] of sources) if (!name.includes("/")) config.addTemplate(`${VIRTUAL_LAYOUTS}/${name}`, source);
  }
  return {
    includes,
    source(name) {
      const source = sources.get(name);
      if (source === undefined) throw new Error(`No layout file layouts/${name}`);
      return source;
    },
    names: () => [...sources.keys()].sort(),
  };
}
