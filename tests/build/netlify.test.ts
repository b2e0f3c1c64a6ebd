// netlify.toml, read by @netlify/config (Netlify's own parser): build settings and which headers apply where.
import { describe, expect, it } from "vitest";
import { loadNetlifyConfig, netlifyHeaders } from "../support/netlify.ts";

const config = await loadNetlifyConfig();
const headersFor = await netlifyHeaders();

describe("netlify.toml", () => {
  it("builds with the README's command on a current LTS and publishes _site", () => {
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish).toMatch(/_site$/);
    expect(config.build.environment.NODE_VERSION).toBe("22");
  });

  it.each(["/", "/documents/interpol-doha-2017/", "/search/", "/assets/site.0123456789.css", "/404.html"])("sends the security headers with %s", (path) => {
    const headers = headersFor(path);
    const csp = headers["Content-Security-Policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("caches fingerprinted assets for a year and leaves HTML to revalidate", () => {
    expect(headersFor("/assets/site.0123456789.css")["Cache-Control"]).toBe("public, max-age=31536000, immutable");
    expect(headersFor("/assets/fonts/naskh-400.0123456789.woff2")["Cache-Control"]).toContain("immutable");
    for (const page of ["/", "/documents/interpol-doha-2017/", "/timeline/"]) expect(headersFor(page)["Cache-Control"]).toBeUndefined();
  });
});
