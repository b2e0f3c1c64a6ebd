import { describe, expect, it } from "vitest";
import { CHART_GEOMETRY, countByYear, yearChart } from "../../../src/site/chart.ts";
import { doc, settingsWith } from "./browse-helpers.ts";

const settings = settingsWith({ digits: "western" });

describe("countByYear", () => {
  it("counts dated documents at every precision by year, and leaves undated ones out", () => {
    const counts = countByYear([doc("a", "2019-09-10"), doc("b", "2019-09"), doc("c", "2019"), doc("d", "2017-01-01"), doc("e", null)]);
    expect([...counts].sort()).toEqual([
      [2017, 1],
      [2019, 3],
    ]);
  });
});

describe("yearChart", () => {
  it("is null when no document is dated", () => {
    expect(yearChart("c", new Map(), 3, settings)).toBeNull();
  });

  it("gives every year between the first and the last a slot, oldest at the right", () => {
    const chart = yearChart("c", new Map([[2016, 1], [2018, 4], [2019, 2]]), 0, settings)!;
    expect(chart.bars.map((bar) => [bar.year, bar.value])).toEqual([
      [2016, 1],
      [2017, 0],
      [2018, 4],
      [2019, 2],
    ]);
    const { step, padding } = CHART_GEOMETRY;
    expect(chart.width).toBe(4 * step + 2 * padding);
    // Right to left: each later year sits further left.
    const xs = chart.bars.map((bar) => bar.x);
    expect(xs).toEqual([...xs].sort((a, b) => b - a));
    expect(chart.bars[0]!.x + chart.bars[0]!.width).toBeLessThanOrEqual(chart.width - padding);
    expect(chart.bars[3]!.x).toBeGreaterThanOrEqual(padding);
  });

  it("scales bars to the busiest year and stands them on the baseline", () => {
    const chart = yearChart("c", new Map([[2018, 4], [2019, 2], [2020, 0]]), 0, settings)!;
    const [y2018, y2019, y2020] = chart.bars;
    expect(y2018!.height).toBe(CHART_GEOMETRY.plotHeight);
    expect(y2019!.height).toBe(CHART_GEOMETRY.plotHeight / 2);
    expect(y2020!.height).toBe(0);
    for (const bar of chart.bars) expect(bar.y + bar.height).toBeCloseTo(chart.baselineY);
    expect(chart.bars.map((bar) => bar.valueLabel)).toEqual(["4", "2", ""]);
  });

  it("describes the range, the highest count (every tied year), the direction and the undated", () => {
    const chart = yearChart("timeline-chart", new Map([[2016, 1], [2018, 4], [2021, 4]]), 2, settings)!;
    expect(chart.title).toBe("عدد الوثائق في كل سنة");
    expect(chart.description).toBe(
      "من 2016 إلى 2021؛ أعلى عدد في سنة واحدة: 4 وثائق (2021، 2018). السنوات من اليمين إلى اليسار، الأقدم أولاً. الوثائق غير المؤرخة (2) لا تظهر في الرسم.",
    );
  });

  it("lists the same numbers as text, newest year first, with Arabic agreement", () => {
    const chart = yearChart("c", new Map([[2019, 1], [2021, 2], [2022, 11]]), 0, settings)!;
    expect(chart.table.rows).toEqual([
      { year: "2022", count: "11 وثيقة" },
      { year: "2021", count: "وثيقتان" },
      { year: "2020", count: "لا وثائق" },
      { year: "2019", count: "وثيقة واحدة" },
    ]);
  });

  it("labels only every n-th year when there are many, always the newest", () => {
    const counts = new Map(Array.from({ length: 30 }, (_, index) => [1990 + index, 1] as [number, number]));
    const chart = yearChart("c", counts, 0, settings)!;
    const labelled = chart.bars.filter((bar) => bar.yearLabel !== "");
    expect(labelled.length).toBeLessThanOrEqual(CHART_GEOMETRY.maxYearLabels);
    expect(chart.bars.at(-1)!.yearLabel).toBe("2019");
  });

  it("prints digits as the settings ask", () => {
    const chart = yearChart("c", new Map([[2019, 3]]), 0, settingsWith({ digits: "arabic-indic" }))!;
    expect(chart.bars[0]!.yearLabel).toBe("٢٠١٩");
    expect(chart.bars[0]!.valueLabel).toBe("٣");
    expect(chart.description.startsWith("في ٢٠١٩؛")).toBe(true);
  });
});
