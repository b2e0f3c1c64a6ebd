// Production HTML minification that never changes what a reader sees.
import { minify, type Options } from "html-minifier-terser";
import type { EleventyConfig } from "../eleventy.ts";
import { timed } from "./timings.ts";

/**
 * Conservative on purpose: whitespace between inline elements is kept as one
 * space (so a link's text never glues onto the next word, html-minifier-terser
 * issue 179), scripts (JSON-LD, modules) and CSS are left as written: there is
 * no inline CSS or JS to gain from, and re-minifying them per page is where
 * the minifier spends most of its time.
 */
export const MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  removeScriptTypeAttributes: false,
  minifyCSS: false,
  minifyJS: false,
  processScripts: [],
  keepClosingSlash: false,
  decodeEntities: false,
};

export async function minifyHtml(html: string, page: string): Promise<string> {
  try {
    return await minify(html, MINIFY_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`Could not minify ${page}: ${reason}. The page's HTML is malformed; check the layout or document that produced it.`, { cause: error });
  }
}

export function productionMinify(config: EleventyConfig): void {
  config.addTransform("minify-html", async function (content) {
    const outputPath = this.page.outputPath;
    // The development server serves pages as written: quicker rebuilds, readable source.
    if (process.env.ELEVENTY_RUN_MODE !== "build") return content;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    return timed("minify", () => minifyHtml(content, outputPath));
  });
}
