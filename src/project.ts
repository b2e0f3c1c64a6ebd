// Everything a build knows before it renders: the project's own data files
// (always from this project's content/_data, whatever --input says) and the
// current scan of the corpus. One instance per Eleventy run, shared by the plugins.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCalendarNames } from "./enrich/dates.ts";
import { readRegistry } from "./enrich/organisations.ts";
import { readFurnitureRules } from "./text/furniture.ts";
import { readSettings, type SiteSettings } from "./site/settings.ts";
import { Archive, type ArchiveScan } from "./documents/archive.ts";
import type { ArchiveData } from "./documents/pipeline.ts";
import type { ViewContext } from "./site/views.ts";
import type { TemplateSources } from "./build/templates.ts";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const projectDataDir = join(projectRoot, "content/_data");
export const layoutsDir = join(projectRoot, "layouts");

export interface Assets {
  css: string;
  font400: string;
  font700: string;
}

export class Project {
  readonly archive: Archive;
  scan: ArchiveScan = { documents: [], fates: [], problems: [], byPath: new Map() };
  assets: Assets = { css: "", font400: "", font700: "" };

  /** This build's scan, once it is made: the plugins that read the scan before rendering wait for it. */
  scanned: Promise<ArchiveScan> = Promise.resolve(this.scan);

  private constructor(
    readonly settings: SiteSettings,
    readonly data: ArchiveData,
    dataDir: string,
  ) {
    this.archive = new Archive(data, dataDir);
  }

  /** The layouts as this build uses them (minified in production); set by eleventy.config.ts. */
  templates?: TemplateSources;

  static async load(dataDir = projectDataDir): Promise<Project> {
    const settings = readSettings(dataDir);
    const data: ArchiveData = {
      furniture: readFurnitureRules(dataDir),
      calendar: await readCalendarNames(dataDir),
      registry: readRegistry(dataDir),
      maxDocumentBytes: Math.round(settings.maxDocumentMB * 1024 * 1024),
    };
    return new Project(settings, data, dataDir);
  }

  get viewContext(): ViewContext {
    return { settings: this.settings, calendar: this.data.calendar, registry: this.data.registry };
  }

  rescan(contentDir: string): ArchiveScan {
    this.scan = this.archive.scan(contentDir);
    this.scanned = Promise.resolve(this.scan);
    return this.scan;
  }

  /** The same, sharing the work with a helper thread (Archive.scanInParallel); `scanned` is set at once. */
  rescanInParallel(contentDir: string): Promise<ArchiveScan> {
    this.scanned = this.archive.scanInParallel(contentDir).then((scan) => (this.scan = scan));
    return this.scanned;
  }
}
