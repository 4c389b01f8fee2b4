/**
 * What a built app loads, read from the build itself: Vite's manifest (build.manifest in vite.config.ts) says
 * which chunks an entry imports statically (loaded with the page) and dynamically (loaded when a page needs
 * them), and each chunk's source map names the modules inside it. Lets a test say "the display never loads
 * FullCalendar" about the real build rather than about a guess at chunk names.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BuiltChunk {
  file: string;
  /** Bytes on disk (minified, not compressed). */
  bytes: number;
  /** The modules bundled into it, as paths relative to the project ("client/App.svelte", "node_modules/chart.js/…"). */
  sources: string[];
}

export class BundleGraph {
  readonly #dist: string;
  readonly #manifest: Manifest;
  readonly #chunks = new Map<string, BuiltChunk>();

  constructor(dist: string) {
    this.#dist = dist;
    this.#manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  }

  /** The chunk of a manifest key ("client/index.html"), with its size and modules. */
  chunk(key: string): BuiltChunk {
    const entry = this.#manifest[key];
    if (!entry) throw new Error(`no "${key}" in the build manifest; keys: ${Object.keys(this.#manifest).join(', ')}`);
    return this.#byFile(entry.file);
  }

  /** A chunk by its file name ("assets/x-123.js"), as the browser requests it. */
  chunkByFile(file: string): BuiltChunk {
    return this.#byFile(file);
  }

  /**
   * Every chunk loaded with `key`: itself and its static imports, transitively. With `dynamic`, also everything
   * it may load later (dynamic imports and theirs).
   */
  closure(key: string, { dynamic = false } = {}): BuiltChunk[] {
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k)) return;
      seen.add(k);
      const entry = this.#manifest[k];
      if (!entry) throw new Error(`no "${k}" in the build manifest`);
      for (const next of entry.imports ?? []) visit(next);
      if (dynamic) for (const next of entry.dynamicImports ?? []) visit(next);
    };
    visit(key);
    return [...seen].map((k) => this.#byFile(this.#manifest[k]!.file));
  }

  #byFile(file: string): BuiltChunk {
    let chunk = this.#chunks.get(file);
    if (!chunk) {
      const full = path.join(this.#dist, file);
      // Vite's own small helpers (the preload helper) come without a map: they bundle none of our modules.
      const map = existsSync(`${full}.map`) ? (JSON.parse(readFileSync(`${full}.map`, 'utf8')) as { sources: string[] }) : { sources: [] };
      // Map sources are relative to the chunk's folder; make them relative to the project.
      const root = path.resolve(import.meta.dirname, '../..');
      const sources = map.sources.map((s) => path.relative(root, path.resolve(path.dirname(full), s)).replaceAll('\\', '/'));
      chunk = { file, bytes: statSync(full).size, sources };
      this.#chunks.set(file, chunk);
    }
    return chunk;
  }
}

/** The modules of `chunks` whose path matches `pattern` (e.g. FullCalendar's). */
export const modulesMatching = (chunks: BuiltChunk[], pattern: RegExp): string[] =>
  chunks.flatMap((c) => c.sources.filter((s) => pattern.test(s)));

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Node modules and app folders the first calendar must not load. */
export const LIBRARIES = { fullCalendar: /node_modules\/@fullcalendar\//, chartJs: /node_modules\/(chart\.js|@kurkle\/color)\// };
