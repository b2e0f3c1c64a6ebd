// The helpers that make the per-document pipeline fast must give exactly
// what the plain definitions give.
import { describe, expect, it } from "vitest";
import { KeptWhileSame, memoize, memoizeByObject, sameValues } from "../../../src/arabic/memo.ts";
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

describe("KeptWhileSame", () => {
  it("makes a value again only when its inputs are not the same values, per name", () => {
    const kept = new KeptWhileSame<string[]>();
    const a = { id: "a" };
    const b = { id: "b" };
    let made = 0;
    const make = (...ids: string[]) => () => {
      made++;
      return ids;
    };
    const first = kept.get("x", [a, b], make("a", "b"));
    expect(kept.get("x", [a, b], make("never"))).toBe(first);
    expect(kept.get("x", [a, { id: "b" }], make("a", "b2"))).toEqual(["a", "b2"]); // an equal copy is not the same value
    expect(kept.get("x", [a], make("a"))).toEqual(["a"]);
    expect(kept.get("y", [a], make("y"))).toEqual(["y"]); // names are kept apart
    expect(made).toBe(4);
  });

  it("compares lists by Object.is, in order", () => {
    expect(sameValues([1, "x", NaN], [1, "x", NaN])).toBe(true);
    expect(sameValues([1, 2], [2, 1])).toBe(false);
    expect(sameValues([], [])).toBe(true);
  });
});
