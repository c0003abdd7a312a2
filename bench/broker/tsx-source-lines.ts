import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Maps a position in tsx's compiled output back to a line of the TypeScript source. tsx compiles
 * each file to a single line (esbuild with whitespace minified), so a V8 profile says every function
 * of a file is on line 1. tsx keeps each compiled file, with its source map, as JSON
 * ({ code, map: { sources, mappings } }) in its cache directory, tmpdir()/tsx-<uid>; the source map
 * (format: https://sourcemaps.info/spec.html) gives the line back.
 */

interface CachedCompile {
  code: string;
  mappings: string;
  modifiedMs: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class TsxSourceLines {
  private readonly compiles = new Map<string, CachedCompile[]>();

  constructor(cacheDir = join(tmpdir(), `tsx-${userInfo().uid}`)) {
    let names: string[] = [];
    try {
      names = readdirSync(cacheDir);
    } catch {
      return; // no cache: lines stay unknown
    }
    for (const name of names) {
      const path = join(cacheDir, name);
      try {
        const stats = statSync(path);
        if (!stats.isFile()) continue;
        const entry = JSON.parse(readFileSync(path, 'utf8')) as { code?: unknown; map?: { sources?: unknown; mappings?: unknown } };
        const source = Array.isArray(entry.map?.sources) ? entry.map.sources[0] : undefined;
        if (typeof entry.code !== 'string' || typeof entry.map?.mappings !== 'string' || typeof source !== 'string') continue;
        const list = this.compiles.get(source) ?? [];
        list.push({ code: entry.code, mappings: entry.map.mappings, modifiedMs: stats.mtimeMs });
        this.compiles.set(source, list);
      } catch {
        // not one of tsx's JSON entries
      }
    }
    for (const list of this.compiles.values()) list.sort((a, b) => b.modifiedMs - a.modifiedMs);
  }

  /**
   * The 1-based source line of the function that starts at (line, column) of the compiled `file`,
   * or undefined. V8 places a function's start at its parameter list, just after its name. A file
   * may have several compiles (edited since, or loaded as CommonJS too); the newest one with
   * `functionName` just before that column is the one that ran, else the newest ES module compile.
   */
  sourceLine(file: string, functionName: string, line: number, column: number): number | undefined {
    const candidates = this.compiles.get(file) ?? [];
    const namedThere = (compile: CachedCompile) =>
      functionName !== '' && compile.code.slice(Math.max(0, column - functionName.length - 12), column + functionName.length).includes(functionName);
    const ran = candidates.find(namedThere) ?? candidates.find((compile) => !compile.code.startsWith('__filename=')) ?? candidates[0];
    return ran ? originalLine(ran.mappings, line, column) : undefined;
  }
}

/** Decodes the mappings of one generated line and finds the segment covering `column`. */
function originalLine(mappings: string, generatedLine: number, column: number): number | undefined {
  let sourceLine = 0;
  let best: number | undefined;
  const lines = mappings.split(';');
  for (let lineIndex = 0; lineIndex <= generatedLine && lineIndex < lines.length; lineIndex++) {
    let generatedColumn = 0;
    for (const segment of (lines[lineIndex] ?? '').split(',')) {
      if (segment === '') continue;
      const fields = decodeVlq(segment);
      generatedColumn += fields[0] ?? 0;
      if (fields.length >= 4) sourceLine += fields[2] ?? 0;
      if (lineIndex === generatedLine && fields.length >= 4 && generatedColumn <= column) best = sourceLine + 1;
    }
  }
  return best;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) return values;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}
