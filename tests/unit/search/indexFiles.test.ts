import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeCbor, indexWords, readPagefindFile } from "../../../src/search/indexFiles.ts";

describe("reading Pagefind files", () => {
  it("decodes CBOR", () => {
    // [1, -2, "اب", [true, null], {"a": 500}]
    const bytes = Uint8Array.from([0x85, 0x01, 0x21, 0x64, 0xd8, 0xa7, 0xd8, 0xa8, 0x82, 0xf5, 0xf6, 0xa1, 0x61, 0x61, 0x19, 0x01, 0xf4]);
    expect(decodeCbor(bytes)).toEqual([1, -2, "اب", [true, null], new Map([["a", 500]])]);
  });

  it("lists the words of an index chunk", () => {
    // [[["ارهاب", [], [["الإرهاب", []]]]]]: a word with the form it was written in
    const cbor = Uint8Array.from([
      0x81, 0x81, 0x83, 0x6a, ...new TextEncoder().encode("ارهاب"), 0x80, 0x81, 0x82, 0x6e, ...new TextEncoder().encode("الإرهاب"), 0x80,
    ]);
    const file = gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), cbor]));
    expect(indexWords(file)).toEqual(["ارهاب", "الإرهاب"]);
  });

  it("refuses a file without Pagefind's signature", () => {
    expect(() => readPagefindFile(gzipSync(Buffer.from("hello")))).toThrow(/signature/);
  });
});
