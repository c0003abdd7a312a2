import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Maps a place in the dashboard's minified bundle (as the page's CPU profile or a long animation
 * frame names it: a script URL and a line and column, or a character offset) back to a line of the
 * source, through the source map Vite writes beside the bundle (`build.sourcemap`). The mappings
 * format is Source Map v3 (https://tc39.es/ecma426/): per generated line, segments of base64 VLQ
 * fields [column, source, original line, original column, name], each relative to the previous.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Segment {
  column: number;
  source: number;
  line: number;
}

interface LoadedMap {
  /** Segments of each generated line, in column order. */
  lines: Segment[][];
  sources: string[];
  /** Offsets where each line of the bundle starts, for character positions. */
  lineStarts: number[];
}

export class BundleSourceMap {
  private readonly maps = new Map<string, LoadedMap | null>();

  /** `distDir` is the built dashboard; paths come out relative to `repoRoot`. */
  constructor(
    private readonly distDir: string,
    private readonly repoRoot: string,
  ) {}

  /** "apps/web/src/lanes/lanes-scene.ts:212" for a 0-based line and column of the script at `url`; else the URL's file name. */
  locate(url: string, line: number, column: number): string {
    const map = this.load(url);
    const segment = map ? findSegment(map.lines[line] ?? [], column) : undefined;
    const source = segment ? map?.sources[segment.source] : undefined;
    if (!segment || source === undefined) return `${shortUrl(url)}:${line + 1}:${column + 1}`;
    return `${source}:${segment.line + 1}`;
  }

  /** The same for a character offset into the script (long animation frames give these). */
  locateCharacter(url: string, position: number): string {
    const map = this.load(url);
    if (!map || position < 0) return shortUrl(url) || '(unknown script)';
    let line = 0;
    while (line + 1 < map.lineStarts.length && map.lineStarts[line + 1]! <= position) line++;
    return this.locate(url, line, position - map.lineStarts[line]!);
  }

  private load(url: string): LoadedMap | null {
    if (this.maps.has(url)) return this.maps.get(url)!;
    let loaded: LoadedMap | null = null;
    try {
      const path = new URL(url).pathname;
      const script = join(this.distDir, path);
      if (path.endsWith('.js') && existsSync(`${script}.map`)) {
        const raw = JSON.parse(readFileSync(`${script}.map`, 'utf8')) as { sources?: unknown; sourceRoot?: unknown; mappings?: unknown };
        if (Array.isArray(raw.sources) && typeof raw.mappings === 'string') {
          const root = typeof raw.sourceRoot === 'string' ? raw.sourceRoot : '';
          const sources = raw.sources.map((source) => this.sourcePath(resolve(dirname(script), root, String(source))));
          loaded = { lines: decodeMappings(raw.mappings), sources, lineStarts: lineStarts(readFileSync(script, 'utf8')) };
        }
      }
    } catch {
      loaded = null; // not a URL of the built dashboard: locations stay as the URL says
    }
    this.maps.set(url, loaded);
    return loaded;
  }

  /** Repository-relative; a dependency as node_modules/<package>/..., without pnpm's store path. */
  private sourcePath(absolute: string): string {
    const inModules = absolute.lastIndexOf('/node_modules/');
    if (inModules >= 0) return absolute.slice(inModules + 1);
    return relative(this.repoRoot, absolute);
  }
}

function shortUrl(url: string): string {
  try {
    return new URL(url).pathname.replace(/^\//, '');
  } catch {
    return url;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function findSegment(segments: Segment[], column: number): Segment | undefined {
  let low = 0;
  let high = segments.length - 1;
  let found: Segment | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (segment.column <= column) {
      found = segment;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      column += fields[0] ?? 0;
      if (fields.length < 4) continue;
      source += fields[1]!;
      line += fields[2]!;
      segments.push({ column, source, line });
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < segment.length; i++) {
    const digit = BASE64.indexOf(segment[i]!);
    if (digit < 0) return values;
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}
