// netlify.toml's headers, read with Netlify's own parser and matched the way Netlify matches paths.
import { join } from "node:path";
import { resolveConfig } from "@netlify/config";
import { projectRoot } from "./build.ts";

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** A Netlify `for` pattern as a regular expression: `*` is a splat, `:name` one path segment. */
export function netlifyPathPattern(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z_]+)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

export async function loadNetlifyConfig() {
  const { config } = await resolveConfig({ config: join(projectRoot, "netlify.toml"), repositoryRoot: projectRoot, cwd: projectRoot, offline: true, buffer: true });
  return config as { headers: HeaderRule[]; build: { command: string; publish: string; environment: Record<string, string> } };
}

/** The headers Netlify would send for a path: every matching rule, later rules overriding earlier ones. */
export async function netlifyHeaders(): Promise<(path: string) => Record<string, string>> {
  const rules = (await loadNetlifyConfig()).headers.map((rule) => ({ pattern: netlifyPathPattern(rule.for), values: rule.values }));
  return (path) => Object.assign({}, ...rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.values));
}
