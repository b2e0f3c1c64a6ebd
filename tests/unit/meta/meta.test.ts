import { describe, expect, it } from "vitest";
import { pageMetadata, scriptSafeJson } from "../../../src/site/meta.ts";
import type { DocumentView } from "../../../src/site/views.ts";
import type { SiteSettings } from "../../../src/site/settings.ts";

const settings: SiteSettings = {
  title: "أرشيف",
  description: "وصف الأرشيف",
  url: "https://example.org",
  monthNames: "both",
  digits: "western",
  hijri: true,
  homeDocuments: 10,
} as SiteSettings;

function doc(iso: string | null, place: string | null): DocumentView {
  return {
    url: "/documents/a/",
    title: "عنوان </script><script>alert(1)</script>",
    date: { iso, text: "", hijri: null, note: null },
    place,
    organisations: [{ id: "interpol", name: "الإنتربول", count: 2 }],
    excerpt: "مقتطف",
  } as unknown as DocumentView;
}

function jsonLdOf(meta: ReturnType<typeof pageMetadata>): Record<string, unknown> {
  return JSON.parse(meta.jsonLd ?? "null") as Record<string, unknown>;
}

describe("pageMetadata", () => {
  it("gives a document a canonical URL, Open Graph type and Arabic JSON-LD", () => {
    const meta = pageMetadata({ settings, pageUrl: "/documents/a/", doc: doc("2017-12-06", "الدوحة، قطر") });
    expect(meta.canonical).toBe("https://example.org/documents/a/");
    expect(meta.ogType).toBe("article");
    const ld = jsonLdOf(meta);
    expect(ld).toMatchObject({ "@type": "NewsArticle", inLanguage: "ar", datePublished: "2017-12-06" });
    expect(ld.mentions).toEqual([{ "@type": "Organization", name: "الإنتربول" }]);
  });

  it("states datePublished only for a date known to the day", () => {
    for (const iso of ["2019-09", "2019", null]) {
      const ld = jsonLdOf(pageMetadata({ settings, pageUrl: "/documents/a/", doc: doc(iso, null) }));
      expect(ld["@type"]).toBe("Article");
      expect(ld).not.toHaveProperty("datePublished");
    }
  });

  it("describes other pages with the site's description", () => {
    const meta = pageMetadata({ settings, pageUrl: "/timeline/", title: "الخط الزمني" });
    expect(meta).toMatchObject({ title: "الخط الزمني | أرشيف", description: "وصف الأرشيف", ogType: "website", jsonLd: null });
    expect(jsonLdOf(pageMetadata({ settings, pageUrl: "/" }))).toMatchObject({ "@type": "WebSite", url: "https://example.org/" });
  });
});

describe("scriptSafeJson", () => {
  it("cannot close the script element it sits in, and still parses to the same value", () => {
    const value = { headline: "</script><script>alert(1)</script> <!--" };
    const json = scriptSafeJson(value);
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual(value);
  });
});
