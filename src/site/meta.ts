// What a page says about itself to browsers, search engines and link previews:
// title, description, canonical address, Open Graph and JSON-LD.
import type { DocumentView } from "./views.ts";
import type { SiteSettings } from "./settings.ts";

export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  ogType: "article" | "website";
  /** JSON-LD, serialised and safe to place inside a script element. */
  jsonLd: string | null;
}

export interface PageMetaInput {
  settings: SiteSettings;
  pageUrl: string | false | undefined;
  doc?: DocumentView;
  title?: string;
  description?: string;
}

/** JSON inside <script> must not contain "</script" or "<!--": escape every "<". */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

function documentJsonLd(doc: DocumentView, canonical: string, settings: SiteSettings): unknown {
  return {
    "@context": "https://schema.org",
    // A dateline marks a news release; anything else is an article.
    "@type": doc.place ? "NewsArticle" : "Article",
    headline: doc.title,
    description: doc.excerpt,
    inLanguage: "ar",
    url: canonical,
    mainEntityOfPage: canonical,
    // Only a date known to the day is a publication date; "2019" or "2019-09" is not.
    ...(doc.date.iso && /^\d{4}-\d{2}-\d{2}$/.test(doc.date.iso) ? { datePublished: doc.date.iso } : {}),
    ...(doc.place ? { contentLocation: { "@type": "Place", name: doc.place } } : {}),
    ...(doc.organisations.length > 0 ? { mentions: doc.organisations.map((org) => ({ "@type": "Organization", name: org.name })) } : {}),
    isPartOf: { "@type": "WebSite", name: settings.title, url: `${settings.url}/` },
  };
}

export function pageMetadata({ settings, pageUrl, doc, title, description }: PageMetaInput): PageMeta {
  const canonical = `${settings.url}${typeof pageUrl === "string" ? pageUrl : "/"}`;
  const pageTitle = doc?.title ?? title;
  if (doc) {
    return {
      title: `${doc.title} | ${settings.title}`,
      description: doc.excerpt,
      canonical,
      ogType: "article",
      jsonLd: scriptSafeJson(documentJsonLd(doc, canonical, settings)),
    };
  }
  const isHome = pageUrl === "/";
  return {
    title: pageTitle ? `${pageTitle} | ${settings.title}` : settings.title,
    description: description ?? settings.description,
    canonical,
    ogType: "website",
    jsonLd: isHome
      ? scriptSafeJson({ "@context": "https://schema.org", "@type": "WebSite", name: settings.title, description: settings.description, url: `${settings.url}/`, inLanguage: "ar" })
      : null,
  };
}
