// @11ty/eleventy-plugin-rss ships no type declarations; this is the part we use.
declare module "@11ty/eleventy-plugin-rss" {
  /** Adds the Nunjucks filters `dateToRfc3339`, `dateToRfc822`, `absoluteUrl`, … */
  export default function rssPlugin(config: unknown, options?: Record<string, unknown>): void;
  export function dateToRfc3339(date: Date): string;
  export function absoluteUrl(url: string, base: string): string;
}
