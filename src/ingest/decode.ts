// Bytes to text. Strict: a file that is not valid text is reported, never
// guessed at silently, and every accepted text leaves here in one shape
// (no BOM, LF line ends, Unicode NFC) so later stages need not care.

export type DecodeResult =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; problem: string; fix: string };

/** CRLF and lone CR to LF, then NFC, so one letter is always one code sequence. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decode a content file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const warnings: string[] = [];
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  if (encoding !== "utf-8") {
    warnings.push(`saved as ${encoding.toUpperCase()}; converted to UTF-8 for the site (save it as UTF-8 to silence this)`);
  }
  // TextDecoder drops a BOM itself (ignoreBOM: false): harmless, so no warning.
  const text = decodeStrict(bytes, encoding);
  if (text === null) {
    return {
      ok: false,
      problem: `is not valid ${encoding.toUpperCase()} text`,
      fix: "open it in a text editor and save it again with the encoding UTF-8",
    };
  }
  return { ok: true, text: normalizeText(text), encoding, warnings };
}
