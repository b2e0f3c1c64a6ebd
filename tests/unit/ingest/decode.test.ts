import { describe, expect, it } from "vitest";
import { decodeBytes, firstInvalidUtf8, lineOfOffset, looksLikeArabic, normalizeText, sniffFormat } from "../../../src/ingest/decode.ts";
import { ARABIC_TEXT, encodeSingleByte, encodeUtf16, encodeUtf8Bom, FRENCH_TEXT, PNG_BYTES } from "../../fixtures/robustness/bytes.ts";

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

describe("decodeBytes: UTF-8", () => {
  it("accepts UTF-8 silently, with or without a BOM, and drops the BOM", () => {
    for (const bytes of [utf8(ARABIC_TEXT), encodeUtf8Bom(ARABIC_TEXT)]) {
      expect(decodeBytes(bytes)).toEqual({ ok: true, text: ARABIC_TEXT, encoding: "utf-8", warnings: [] });
    }
  });

  it("turns CRLF and lone CR into LF, and applies NFC", () => {
    const decoded = decodeBytes(utf8("أ\r\nب\rج\n\u0627\u0654"));
    expect(decoded).toMatchObject({ ok: true, text: "أ\nب\nج\nأ", warnings: [] });
  });

  it("rejects invalid UTF-8 with the line of the first bad byte", () => {
    const bytes = Buffer.concat([utf8("سطر\r\nسطر\n"), Buffer.from([0xc3, 0x28])]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: false, line: 3 });
    if (decoded.ok) return;
    expect(decoded.message).toMatch(/^is not valid UTF-8 \(byte 0xC3 on this line\), and not Arabic saved as Windows-1256 either \(/);
    expect(decoded.fix).toContain("save it again with the encoding UTF-8");
  });

  it("finds the first malformed sequence: truncated, overlong, surrogate, past U+10FFFF", () => {
    expect(firstInvalidUtf8(utf8("سلام ✓ 𝄞"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xd8]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe0, 0x80, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(lineOfOffset(Buffer.from("a\nb\r\nc\rd"), 7)).toBe(4);
  });
});

describe("decodeBytes: UTF-16", () => {
  it("converts UTF-16 LE and BE with a BOM, with a warning", () => {
    for (const [order, name] of [["le", "UTF-16LE"], ["be", "UTF-16BE"]] as const) {
      expect(decodeBytes(encodeUtf16(ARABIC_TEXT.replace(/\n/g, "\r\n"), order))).toEqual({
        ok: true,
        text: ARABIC_TEXT,
        encoding: order === "le" ? "utf-16le" : "utf-16be",
        warnings: [{ message: `saved as ${name}; converted to UTF-8 for the site`, fix: "open it in a text editor and save it again with the encoding UTF-8" }],
      });
    }
  });

  it("rejects malformed UTF-16 (an odd number of bytes, an unpaired surrogate)", () => {
    expect(decodeBytes(Buffer.concat([encodeUtf16("نص", "le"), Buffer.from([0x41])]))).toMatchObject({ ok: false, message: "starts like UTF-16LE text but is not valid UTF-16LE" });
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({ ok: false });
  });
});

describe("decodeBytes: Windows-1256", () => {
  it("converts Arabic saved as Windows-1256, with a warning", () => {
    expect(decodeBytes(encodeSingleByte(ARABIC_TEXT, "windows-1256"))).toEqual({
      ok: true,
      text: ARABIC_TEXT,
      encoding: "windows-1256",
      warnings: [{ message: "saved as Windows-1256 (an older Arabic encoding), not UTF-8; converted for the site", fix: "open it in a text editor and save it again with the encoding UTF-8" }],
    });
  });

  it("keeps Persian letters and Latin names of a Windows-1256 text", () => {
    const text = `${ARABIC_TEXT}گزارش کوتاه پليس چند نکته دربارة INTERPOL و UNODC.\n`;
    expect(decodeBytes(encodeSingleByte(text, "windows-1256"))).toMatchObject({ ok: true, text });
  });

  it("rejects French saved as Windows-1252 or Latin-1: its letters are not Arabic", () => {
    const decoded = decodeBytes(encodeSingleByte(FRENCH_TEXT, "windows-1252"));
    expect(decoded).toMatchObject({ ok: false, line: 1 });
    if (!decoded.ok) expect(decoded.message).toContain("(only 1% of its letters are Arabic)");
  });

  it("rejects UTF-8 Arabic with one stray byte rather than reading it all as Windows-1256", () => {
    const bytes = Buffer.concat([utf8(ARABIC_TEXT), Buffer.from([0xe9]), utf8("\n")]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: false, line: 5 });
    if (!decoded.ok) expect(decoded.message).toMatch(/it contains ".", typical of text in another encoding/);
  });
});

describe("looksLikeArabic: what 'unambiguously Arabic' means", () => {
  const arabic = "اجتماع إقليمي لمكافحة تهريب المهاجرين وحماية الضحايا";

  it("accepts mostly-Arabic text with a few Latin words", () => {
    expect(looksLikeArabic(`${arabic} INTERPOL`)).toEqual({ arabic: true });
  });

  it("needs at least 20 Arabic letters and three letters in four Arabic", () => {
    expect(looksLikeArabic("سلام")).toEqual({ arabic: false, reason: "it has only 4 Arabic letters, too few to tell (at least 20 are needed)" });
    expect(looksLikeArabic(`${arabic} ${"Latin words in a mostly Latin text ".repeat(3)}`)).toMatchObject({ arabic: false, reason: expect.stringMatching(/^only \d+% of its letters are Arabic$/) });
    expect(looksLikeArabic("12345 ...")).toEqual({ arabic: false, reason: "it has no letters at all" });
  });

  it("rejects a word mixing Arabic and Latin letters or marks, as a Latin-1 ñ or É read as Windows-1256 makes", () => {
    expect(looksLikeArabic(`${arabic} ةtats`)).toEqual({ arabic: false, reason: 'the word "ةtats" mixes Arabic and Latin letters' });
    expect(looksLikeArabic(`${arabic} Espaًa`)).toMatchObject({ arabic: false });
  });

  it("rejects the symbols UTF-8 read as Windows-1256 is full of, and control characters", () => {
    expect(looksLikeArabic(`${arabic} ط§ظ„`)).toEqual({ arabic: false, reason: 'it contains "§", typical of text in another encoding' });
    expect(looksLikeArabic(`${arabic}\u0001`)).toEqual({ arabic: false, reason: "it contains control characters" });
  });
});

describe("decodeBytes: not text", () => {
  it("names known binary formats", () => {
    expect(sniffFormat(PNG_BYTES)).toBe("a PNG image");
    expect(decodeBytes(PNG_BYTES)).toMatchObject({ ok: false, message: "is a PNG image, not a plain text file" });
    expect(decodeBytes(Buffer.from("%PDF-1.7\n"))).toMatchObject({ ok: false, message: "is a PDF document, not a plain text file" });
    expect(decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toMatchObject({ ok: false, message: "is a ZIP archive (a .docx, .odt or .epub is one), not a plain text file" });
    expect(decodeBytes(Buffer.from("{\\rtf1\\ansi نص}"))).toMatchObject({ ok: false, message: "is an RTF document, not a plain text file" });
  });

  it("rejects NUL bytes, in valid and in invalid UTF-8, at their line", () => {
    expect(decodeBytes(utf8("سطر\nنص\u0000"))).toMatchObject({ ok: false, line: 2, message: "contains NUL characters: it is binary data, not text" });
    expect(decodeBytes(Buffer.from([0x61, 0x0a, 0x00, 0xff]))).toMatchObject({ ok: false, line: 2, message: expect.stringContaining("contains NUL bytes") });
  });

  it("removes other control characters, with a warning at the first one's line", () => {
    expect(decodeBytes(utf8("سطر\nنص\u0007 و\u001b\u0085\t"))).toEqual({
      ok: true,
      text: "سطر\nنص و\t",
      encoding: "utf-8",
      warnings: [{ line: 2, message: "3 invisible control characters (first U+0007) removed", fix: expect.any(String) }],
    });
  });

  it("normalizeText leaves presentation forms alone (NFC, not NFKC)", () => {
    expect(normalizeText("ﺍﻹﻧﺘﺮﺑﻮﻝ ﷺ")).toBe("ﺍﻹﻧﺘﺮﺑﻮﻝ ﷺ");
  });
});
