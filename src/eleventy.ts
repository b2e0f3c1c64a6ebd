// The part of Eleventy's configuration API this project uses. Eleventy ships
// JavaScript without type declarations, so we name what we rely on here.

export interface EleventyDirectories {
  input: string;
  output: string;
  includes: string;
  data: string;
}

export interface EleventyEventArgs {
  directories: EleventyDirectories;
  runMode: "build" | "watch" | "serve";
  outputMode: string;
  results?: { inputPath: string; outputPath: string | false; url: string | false; content: string }[];
}

export interface TemplateExtension {
  read?: boolean;
  outputFileExtension?: string;
  getData?: (inputPath: string) => Promise<Record<string, unknown>> | Record<string, unknown>;
  compile: (content: string, inputPath: string) => (data: Record<string, unknown>) => string | Promise<string>;
  compileOptions?: { cache?: boolean; permalink?: unknown };
}

export interface EleventyConfig {
  directories: Partial<EleventyDirectories>;
  addPlugin(plugin: (config: EleventyConfig) => void | Promise<void>): void;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void | Promise<void>, options: T): void;
  addExtension(extensions: string | string[], options: TemplateExtension): void;
  addTemplateFormats(formats: string | string[]): void;
  setTemplateFormats(formats: string | string[]): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPreprocessor(name: string, extensions: string, preprocess: (data: { page: { inputPath: string } }, content: string) => string | false | undefined): void;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false; inputPath: string } }, content: string) => string | Promise<string>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(path: string): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  /** The suffixes of template and directory data files (`.11tydata`); an empty list looks for none. */
  setDataFileSuffixes(suffixes: string[]): void;
  setOutputDirectory(dir: string): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(enabled: boolean): void;
  setLibrary(name: string, library: unknown): void;
  on(event: "eleventy.before" | "eleventy.after", listener: (args: EleventyEventArgs) => void | Promise<void>): void;
  /** Under --watch and --serve, before a rebuild: the files changed since the last build. */
  on(event: "eleventy.beforeWatch", listener: (changedFiles: string[]) => void | Promise<void>): void;
  /** Before Eleventy searches the input folder for templates: the glob patterns it will ignore (the list it then uses). */
  on(event: "eleventy.ignores", listener: (ignores: string[]) => void): void;
  /** When Eleventy makes its Nunjucks environment (once per build): the one that renders every .njk page. */
  on(event: "eleventy.engine.njk", listener: (args: { environment: { render(name: string, context: object): string } }) => void): void;
  ignores: Set<string>;
  setServerOptions(options: Record<string, unknown>): void;
}
