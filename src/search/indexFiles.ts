// Reading Pagefind's written index back: the files are gzip'd, start with the
// signature "pagefind_dcd" and hold CBOR. Used by tests and checks to list the
// words a built index holds (Pagefind itself offers no word list).
import { gunzipSync } from "node:zlib";

const SIGNATURE = "pagefind_dcd";

type Cbor = number | bigint | string | Uint8Array | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

/** Decode one CBOR value (RFC 8949, the subset Pagefind writes: no tags or floats needed, but both read). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[offset++]!;
    if (info === 25) return (offset += 2), view.getUint16(offset - 2);
    if (info === 26) return (offset += 4), view.getUint32(offset - 4);
    if (info === 27) return (offset += 8), Number(view.getBigUint64(offset - 8));
    throw new Error(`CBOR: indefinite or reserved length ${info} at ${offset}`);
  };
  const read = (): Cbor => {
    const initial = bytes[offset++];
    if (initial === undefined) throw new Error("CBOR: unexpected end of data");
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const size = length(info);
        offset += size;
        return bytes.subarray(offset - size, offset);
      }
      case 3: {
        const size = length(info);
        offset += size;
        return text.decode(bytes.subarray(offset - size, offset));
      }
      case 4:
        return Array.from({ length: length(info) }, read);
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let size = length(info); size > 0; size--) map.set(read(), read());
        return map;
      }
      case 6:
        length(info);
        return read();
      default:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        if (info === 25) return (offset += 2), view.getFloat32(offset - 2); // half floats are not used by Pagefind
        if (info === 26) return (offset += 4), view.getFloat32(offset - 4);
        if (info === 27) return (offset += 8), view.getFloat64(offset - 8);
        throw new Error(`CBOR: unsupported simple value ${info}`);
    }
  };
  return read();
}

/** The CBOR payload of one written Pagefind file (.pf_index, .pf_meta, .pf_filter, .pf_fragment). */
export function readPagefindFile(compressed: Uint8Array): Uint8Array {
  const raw = gunzipSync(compressed);
  const signature = new TextDecoder().decode(raw.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new Error("not a Pagefind file (missing the pagefind_dcd signature)");
  return raw.subarray(SIGNATURE.length);
}

/** A page's fragment: the JSON Pagefind stores per page (url, content, meta, filters). */
export function readFragment(compressed: Uint8Array): { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> } {
  return JSON.parse(new TextDecoder().decode(readPagefindFile(compressed))) as ReturnType<typeof readFragment>;
}

/**
 * Every word an index chunk (.pf_index) holds: the form searches are matched
 * against, and the forms as written when Pagefind keeps those too
 * (e.g. the word with its diacritics).
 */
export function indexWords(compressed: Uint8Array): string[] {
  const words = new Set<string>();
  const visit = (value: Cbor): void => {
    if (typeof value === "string") words.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  visit(decodeCbor(readPagefindFile(compressed)));
  return [...words].sort();
}
