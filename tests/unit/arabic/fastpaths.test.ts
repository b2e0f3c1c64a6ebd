// The helpers that make the per-document pipeline fast must give exactly
// what the plain definitions give.
import { describe, expect, it } from "vitest";
import { memoize, memoizeByObject } from "../../../src/arabic/memo.ts";
import { isWhiteSpace } from "../../../src/arabic/whitespace.ts";

describe("isWhiteSpace", () => {
  it("is JavaScript's \\s, code unit by code unit", () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});

describe("memoize", () => {
  it("computes once per distinct word and returns the same value after", () => {
    let calls = 0;
    const length = memoize((word) => {
      calls++;
      return word.length;
    });
    expect([length("كلمة"), length("كلمة"), length("ab")]).toEqual([4, 4, 2]);
    expect(calls).toBe(2);
  });

  it("starts again when the cache is full, with the same results", () => {
    let calls = 0;
    const upper = memoize((word) => {
      calls++;
      return word.toUpperCase();
    }, 2);
    expect(["a", "b", "c", "a", "b", "c"].map(upper)).toEqual(["A", "B", "C", "A", "B", "C"]);
    expect(calls).toBe(6);
  });

  it("remembers null results too", () => {
    let calls = 0;
    const none = memoize(() => {
      calls++;
      return null;
    });
    none("x");
    none("x");
    expect(calls).toBe(1);
  });
});

describe("memoizeByObject", () => {
  it("computes once per object, by identity, and remembers undefined results too", () => {
    let calls = 0;
    const size = memoizeByObject((list: string[]) => {
      calls++;
      return list.length === 0 ? undefined : list.length;
    });
    const a = ["x", "y"];
    const empty: string[] = [];
    expect([size(a), size(a), size(["x", "y"]), size(empty), size(empty)]).toEqual([2, 2, 2, undefined, undefined]);
    expect(calls).toBe(3);
  });
});
