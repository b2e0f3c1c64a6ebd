// Long lists split into pages of a fixed size (the `pageSize` setting), so no
// page of the site grows with the whole corpus. Pure functions: the plugin
// hands their results to Eleventy's pagination, one page view per output page.
import type { SiteSettings } from "./settings.ts";
import { formatNumber } from "./views.ts";

/** `items` in runs of `size`; an empty list is still one (empty) page. */
export function splitPages<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a whole number of at least 1 (got ${size})`);
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

/** Page 1 lives at the list's own address; page n at `<base>n/`. */
export function pageUrl(base: string, number: number): string {
  return number <= 1 ? base : `${base}${number}/`;
}

export interface PagerLink {
  url: string;
  label: string;
}

export interface PagerView {
  /** "صفحة 2 من 3" */
  status: string;
  previous: PagerLink | null;
  next: PagerLink | null;
  pages: { url: string; label: string; current: boolean }[];
}

/** The links under a list that continues over several pages; null when it fits on one. */
export function pagerView(base: string, number: number, total: number, settings: SiteSettings): PagerView | null {
  if (total <= 1) return null;
  const link = (target: number, label: string): PagerLink | null =>
    target >= 1 && target <= total ? { url: pageUrl(base, target), label } : null;
  return {
    status: `صفحة ${formatNumber(number, settings)} من ${formatNumber(total, settings)}`,
    previous: link(number - 1, "الصفحة السابقة"),
    next: link(number + 1, "الصفحة التالية"),
    pages: Array.from({ length: total }, (_, index) => ({
      url: pageUrl(base, index + 1),
      label: formatNumber(index + 1, settings),
      current: index + 1 === number,
    })),
  };
}
