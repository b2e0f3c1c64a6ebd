// Bidirectional control characters change the visual order of the text that
// follows them. Content should never carry them into a page: the page sets
// direction itself (dir="rtl" on the document, dir="ltr" on Latin runs).

// LRE, RLE, PDF, LRO, RLO (U+202A-U+202E); LRI, RLI, FSI, PDI (U+2066-U+2069);
// LRM, RLM (U+200E, U+200F); and the Arabic letter mark ALM (U+061C).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Remove every bidi embedding, override, isolate and mark character. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
