import { describe, expect, it } from "vitest";
import { pagerView, pageUrl, splitPages } from "../../../src/site/paging.ts";
import { settingsWith } from "./browse-helpers.ts";

describe("splitPages", () => {
  it("cuts a list into runs of the page size, the last one shorter", () => {
    const items = Array.from({ length: 12 }, (_, index) => index);
    expect(splitPages(items, 5)).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
  });

  it("keeps a list that fits on one page whole, and an exact multiple without an empty page", () => {
    expect(splitPages([1, 2, 3], 5)).toEqual([[1, 2, 3]]);
    expect(splitPages([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
  });

  it("gives an empty list one empty page", () => {
    expect(splitPages([], 5)).toEqual([[]]);
  });

  it("refuses a page size that is not a whole number of at least 1", () => {
    expect(() => splitPages([1], 0)).toThrow(RangeError);
    expect(() => splitPages([1], 2.5)).toThrow(RangeError);
  });
});

describe("pageUrl", () => {
  it("puts page 1 at the list's address and page n in a numbered folder", () => {
    expect(pageUrl("/timeline/2019/", 1)).toBe("/timeline/2019/");
    expect(pageUrl("/timeline/2019/", 2)).toBe("/timeline/2019/2/");
    expect(pageUrl("/organisations/interpol/", 3)).toBe("/organisations/interpol/3/");
  });
});

describe("pagerView", () => {
  it("is null when the list fits on one page", () => {
    expect(pagerView("/x/", 1, 1, settingsWith())).toBeNull();
  });

  it("links the pages around the current one and marks it", () => {
    const pager = pagerView("/organisations/iom/", 2, 3, settingsWith({ digits: "western" }));
    expect(pager?.status).toBe("صفحة 2 من 3");
    expect(pager?.previous).toEqual({ url: "/organisations/iom/", label: "الصفحة السابقة" });
    expect(pager?.next).toEqual({ url: "/organisations/iom/3/", label: "الصفحة التالية" });
    expect(pager?.pages.map((page) => [page.url, page.label, page.current])).toEqual([
      ["/organisations/iom/", "1", false],
      ["/organisations/iom/2/", "2", true],
      ["/organisations/iom/3/", "3", false],
    ]);
  });

  it("has no previous link on the first page and no next link on the last", () => {
    const settings = settingsWith();
    expect(pagerView("/x/", 1, 2, settings)?.previous).toBeNull();
    expect(pagerView("/x/", 2, 2, settings)?.next).toBeNull();
  });

  it("prints page numbers with the digits the settings ask for", () => {
    const pager = pagerView("/x/", 2, 12, settingsWith({ digits: "arabic-indic" }));
    expect(pager?.status).toBe("صفحة ٢ من ١٢");
    expect(pager?.pages.at(-1)?.label).toBe("١٢");
  });
});
