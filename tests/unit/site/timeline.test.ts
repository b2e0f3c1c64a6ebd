import { describe, expect, it } from "vitest";
import { buildTimeline, certainlyLater, timelineOrder, type TimelinePageView } from "../../../src/site/timeline.ts";
import { contextWith, doc } from "./browse-helpers.ts";

const context = contextWith({ monthNames: "both", digits: "western", pageSize: 50 });

const corpus = [
  doc("y2019", "2019"),
  doc("m2019-09", "2019-09"),
  doc("d2019-09-10", "2019-09-10"),
  doc("d2019-03-14", "2019-03-14"),
  doc("d2019-12-06", "2019-12-06"),
  doc("d2017-12-06", "2017-12-06"),
  doc("undated-b", null, {}, "ب وثيقة بلا تاريخ"),
  doc("undated-a", null, {}, "أ وثيقة بلا تاريخ"),
  doc("d2021-07-30", "2021-07-30"),
];

const slugs = (page: TimelinePageView): string[][] => page.groups.map((group) => group.entries.map((entry) => entry.url.split("/")[2]!));

describe("timelineOrder", () => {
  it("puts the newest first, a month after its days, a year after its months, undated last by title", () => {
    expect(timelineOrder(corpus).map((document) => document.slug)).toEqual([
      "d2021-07-30",
      "d2019-12-06",
      "d2019-09-10",
      "m2019-09",
      "d2019-03-14",
      "y2019",
      "d2017-12-06",
      "undated-a",
      "undated-b",
    ]);
  });
});

describe("buildTimeline", () => {
  const model = buildTimeline(corpus, context);

  it("makes one page per year, newest first, then the undated page", () => {
    expect(model.pages.map((page) => page.url)).toEqual(["/timeline/2021/", "/timeline/2019/", "/timeline/2017/", "/timeline/undated/"]);
  });

  it("groups a year by month with Arabic month names, month-only documents last in their month", () => {
    const year = model.pages[1]!;
    expect(year.heading).toBe("2019");
    expect(year.summary).toBe("5 وثائق");
    expect(year.groups.map((group) => [group.id, group.heading, group.count])).toEqual([
      ["m12", "كانون الأول/ديسمبر 2019", "وثيقة واحدة"],
      ["m09", "أيلول/سبتمبر 2019", "وثيقتان"],
      ["m03", "آذار/مارس 2019", "وثيقة واحدة"],
      ["year", "2019 (السنة فقط)", "وثيقة واحدة"],
    ]);
    expect(slugs(year)).toEqual([["d2019-12-06"], ["d2019-09-10", "m2019-09"], ["d2019-03-14"], ["y2019"]]);
    const september = year.groups[1]!.entries;
    expect(september.map((entry) => [entry.date.text, entry.precisionNote])).toEqual([
      ["10 أيلول/سبتمبر 2019", null],
      ["أيلول/سبتمبر 2019", "الشهر فقط"],
    ]);
    expect(year.groups[3]!.entries[0]!.date.text).toBe("2019");
  });

  it("keeps undated documents in their own section at the end", () => {
    const undated = model.pages.at(-1)!;
    expect(undated.kind).toBe("undated");
    expect(undated.heading).toBe("وثائق غير مؤرخة");
    expect(undated.groups.map((group) => group.heading)).toEqual(["مرتبة حسب العنوان"]);
    expect(slugs(undated)).toEqual([["undated-a", "undated-b"]]);
    expect(undated.groups[0]!.entries[0]!.date.text).toBe("غير مؤرخ");
  });

  it("gives the overview the counts per year, the months, the undated count and the chart", () => {
    const { overview } = model;
    expect(overview.summary).toBe("9 وثائق في الأرشيف، موزعة على 3 سنوات.");
    expect(overview.navigator.map((item) => [item.label, item.url, item.count])).toEqual([
      ["2021", "/timeline/2021/", "وثيقة واحدة"],
      ["2019", "/timeline/2019/", "5 وثائق"],
      ["2017", "/timeline/2017/", "وثيقة واحدة"],
      ["غير مؤرخة", "/timeline/undated/", "وثيقتان"],
    ]);
    expect(overview.navigator.every((item) => !item.current)).toBe(true);
    expect(overview.years[1]!.months).toEqual([
      { label: "كانون الأول/ديسمبر", url: "/timeline/2019/#m12", count: "وثيقة واحدة" },
      { label: "أيلول/سبتمبر", url: "/timeline/2019/#m09", count: "وثيقتان" },
      { label: "آذار/مارس", url: "/timeline/2019/#m03", count: "وثيقة واحدة" },
      { label: "السنة فقط", url: "/timeline/2019/#year", count: "وثيقة واحدة" },
    ]);
    expect(overview.undated).toEqual({ heading: "وثائق غير مؤرخة", url: "/timeline/undated/", count: "وثيقتان" });
    expect(overview.chart?.bars.map((bar) => [bar.year, bar.value])).toEqual([
      [2017, 1],
      [2018, 0],
      [2019, 5],
      [2020, 0],
      [2021, 1],
    ]);
  });

  it("marks the current year in each page's navigator", () => {
    for (const page of model.pages) {
      expect(page.navigator.filter((item) => item.current).map((item) => item.url)).toEqual([page.url]);
    }
  });

  it("links each document to its neighbours in the timeline, saying newer or older only when certain", () => {
    const { neighbours } = model;
    expect(neighbours["/documents/d2019-09-10/"]?.previous).toMatchObject({ url: "/documents/d2019-12-06/", label: "وثيقة أحدث" });
    // September 2019 neither precedes nor follows 10 September 2019.
    expect(neighbours["/documents/d2019-09-10/"]?.next).toMatchObject({ url: "/documents/m2019-09/", label: "التالية في الخط الزمني", date: "أيلول/سبتمبر 2019" });
    expect(neighbours["/documents/d2021-07-30/"]?.previous).toBeNull();
    expect(neighbours["/documents/d2017-12-06/"]?.next).toMatchObject({ url: "/documents/undated-a/", label: "التالية في الخط الزمني" });
    expect(neighbours["/documents/undated-b/"]?.next).toBeNull();
    expect(Object.keys(neighbours)).toHaveLength(corpus.length);
  });

  it("follows the month-name and digit settings", () => {
    const arabic = buildTimeline(corpus, contextWith({ monthNames: "egyptian", digits: "arabic-indic", pageSize: 50 }));
    expect(arabic.pages[1]!.groups[1]!.heading).toBe("سبتمبر ٢٠١٩");
    expect(arabic.pages[1]!.summary).toBe("٥ وثائق");
    expect(arabic.overview.navigator[1]!.label).toBe("٢٠١٩");
    const levantine = buildTimeline(corpus, contextWith({ monthNames: "levantine", pageSize: 50 }));
    expect(levantine.pages[1]!.groups[1]!.heading).toBe("أيلول 2019");
  });

  it("has an overview without chart or undated section for an empty archive", () => {
    const empty = buildTimeline([], context);
    expect(empty.pages).toEqual([]);
    expect(empty.overview.chart).toBeNull();
    expect(empty.overview.undated).toBeNull();
    expect(empty.overview.summary).toBe("لا وثائق في الأرشيف.");
  });
});

describe("a year longer than the page size", () => {
  // Twelve documents in 2020: seven in May, five in March; pages of five.
  const year = [
    ...Array.from({ length: 7 }, (_, index) => doc(`may-${index + 1}`, `2020-05-${String(20 - index).padStart(2, "0")}`)),
    ...Array.from({ length: 5 }, (_, index) => doc(`march-${index + 1}`, `2020-03-${String(20 - index).padStart(2, "0")}`)),
  ];
  const model = buildTimeline(year, contextWith({ pageSize: 5, digits: "western", monthNames: "both" }));

  it("continues on numbered pages, each holding at most the page size", () => {
    expect(model.pages.map((page) => page.url)).toEqual(["/timeline/2020/", "/timeline/2020/2/", "/timeline/2020/3/"]);
    expect(model.pages.map((page) => page.groups.flatMap((group) => group.entries).length)).toEqual([5, 5, 2]);
    expect(model.pages[1]!.title).toBe("الخط الزمني: 2020 (صفحة 2)");
    expect(model.pages[1]!.pager?.status).toBe("صفحة 2 من 3");
  });

  it("repeats a month cut by a page break, marked as continued, with its full count", () => {
    const second = model.pages[1]!;
    expect(second.groups.map((group) => [group.id, group.continued, group.count, group.entries.length])).toEqual([
      ["m05", "(تابع)", "7 وثائق", 2],
      ["m03", null, "5 وثائق", 3],
    ]);
    expect(model.pages[0]!.groups[0]!.continued).toBeNull();
  });

  it("links each month from the overview to the page where it starts", () => {
    expect(model.overview.years[0]!.months.map((month) => [month.url, month.count])).toEqual([
      ["/timeline/2020/#m05", "7 وثائق"],
      ["/timeline/2020/2/#m03", "5 وثائق"],
    ]);
  });

  it("marks the year as current on every one of its pages", () => {
    for (const page of model.pages) expect(page.navigator.find((item) => item.current)?.url).toBe("/timeline/2020/");
  });
});

describe("certainlyLater", () => {
  it("is true only when neither date contains the other", () => {
    expect(certainlyLater(doc("a", "2019-12-06"), doc("b", "2019-09-10"))).toBe(true);
    expect(certainlyLater(doc("a", "2019-09-10"), doc("b", "2019-09"))).toBe(false);
    expect(certainlyLater(doc("a", "2019-12"), doc("b", "2019"))).toBe(false);
    expect(certainlyLater(doc("a", "2020"), doc("b", "2019-12-31"))).toBe(true);
    expect(certainlyLater(doc("a", "2019"), doc("b", null))).toBe(false);
  });
});
