// A bar chart of documents per year, computed at build time as plain numbers
// for an inline SVG (no script, no inline styles: colours come from classes).
// Years run right to left, oldest at the right, the way an Arabic reader's eye
// moves; every year between the first and the last gets a slot, empty or not,
// so gaps in the record show as gaps.
import type { ArchiveDocument } from "../documents/pipeline.ts";
import type { SiteSettings } from "./settings.ts";
import { countOf, DOCUMENTS_NOUN, formatNumber } from "./views.ts";

export interface ChartBar {
  year: number;
  value: number;
  /** The year as printed under the bar ("" when skipped to avoid crowding). */
  yearLabel: string;
  /** The count as printed above the bar ("" for an empty year). */
  valueLabel: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the slot, for the labels. */
  labelX: number;
  valueY: number;
}

export interface ChartView {
  /** Unique on its page: the SVG's title and description ids derive from it. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  baselineY: number;
  yearLabelY: number;
  bars: ChartBar[];
  /** The same numbers as text, newest year first, for a visually hidden table. */
  table: { caption: string; rows: { year: string; count: string }[] };
}

export const CHART_GEOMETRY = {
  step: 44,
  barWidth: 28,
  padding: 8,
  top: 22,
  plotHeight: 120,
  labelHeight: 26,
  /** Beyond this many years, only every n-th year is labelled under its bar. */
  maxYearLabels: 12,
} as const;

/** Documents per year, dated documents only (at any precision). */
export function countByYear(documents: readonly ArchiveDocument[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const document of documents) {
    const year = yearOf(document);
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** The year of a dated document, whatever its precision; null when undated. */
export function yearOf(document: ArchiveDocument): number | null {
  if (document.date.precision === "none" || document.date.iso === null) return null;
  return document.date.year ?? Number(document.date.iso.slice(0, 4));
}

/**
 * The chart of `counts` (year -> documents), or null when no document is dated.
 * `undated` is only mentioned in the description: undated documents have no bar.
 */
export function yearChart(id: string, counts: ReadonlyMap<number, number>, undated: number, settings: SiteSettings): ChartView | null {
  if (counts.size === 0) return null;
  const years = [...counts.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const max = Math.max(...counts.values());
  const { step, barWidth, padding, top, plotHeight, labelHeight, maxYearLabels } = CHART_GEOMETRY;
  const width = span.length * step + 2 * padding;
  const baselineY = top + plotHeight;
  const labelEvery = Math.ceil(span.length / maxYearLabels);
  const digits = (value: number): string => formatNumber(value, settings);

  const bars = span.map((year, index): ChartBar => {
    const value = counts.get(year) ?? 0;
    const height = Math.round((value / max) * plotHeight * 10) / 10;
    const slotStart = width - padding - (index + 1) * step; // oldest at the right
    const labelX = slotStart + step / 2;
    return {
      year,
      value,
      yearLabel: (span.length - 1 - index) % labelEvery === 0 ? digits(year) : "",
      valueLabel: value > 0 ? digits(value) : "",
      x: slotStart + (step - barWidth) / 2,
      y: Math.round((baselineY - height) * 10) / 10,
      width: barWidth,
      height,
      labelX,
      valueY: Math.round((baselineY - height - 6) * 10) / 10,
    };
  });

  const busiest = bars.filter((bar) => bar.value === max).map((bar) => digits(bar.year)).reverse();
  const range = first === last ? `في ${digits(first)}` : `من ${digits(first)} إلى ${digits(last)}`;
  const parts = [
    `${range}؛ أعلى عدد في سنة واحدة: ${countOf(max, DOCUMENTS_NOUN, settings)} (${busiest.join("، ")}).`,
    "السنوات من اليمين إلى اليسار، الأقدم أولاً.",
  ];
  if (undated > 0) parts.push(`الوثائق غير المؤرخة (${digits(undated)}) لا تظهر في الرسم.`);
  const title = "عدد الوثائق في كل سنة";
  return {
    id,
    title,
    description: parts.join(" "),
    width,
    height: baselineY + labelHeight,
    baselineY,
    yearLabelY: baselineY + labelHeight - 7,
    bars,
    table: {
      caption: title,
      rows: [...bars].reverse().map((bar) => ({ year: digits(bar.year), count: countOf(bar.value, DOCUMENTS_NOUN, settings) })),
    },
  };
}
