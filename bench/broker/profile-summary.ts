import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProfileSummary, summarizeProfile, type CpuProfile, type ProfileSummary } from '../shared/cpu-profile';
import { TsxSourceLines } from './tsx-source-lines';

/**
 * Reads a .cpuprofile written by `node --cpu-prof` and names its hot spots as `function file:line`,
 * with TypeScript lines for files tsx compiled; the inclusive table keeps this repository's own
 * functions (not node_modules, not node internals).
 *
 * @example
 *   const summary = summarizeCpuProfile('/tmp/CPU.0.001.cpuprofile', repoRoot);
 */
export function summarizeCpuProfile(file: string, repoRoot: string, top = 15, sourceLines = new TsxSourceLines()): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples) || !Array.isArray(profile.timeDeltas)) {
    throw new Error(`${file} is not a V8 CPU profile (no nodes, samples and timeDeltas).`);
  }
  const rootPrefix = `file://${repoRoot.endsWith('/') ? repoRoot : `${repoRoot}/`}`;
  return summarizeProfile(profile, {
    where: ({ callFrame: frame }) => {
      const name = frame.functionName || '(anonymous)';
      if (!frame.url) return name;
      const file = frame.url.startsWith(rootPrefix) ? frame.url.slice(rootPrefix.length) : frame.url;
      // Files tsx compiled are one line long; their source maps give the TypeScript line back.
      const line = frame.url.startsWith('file://') && frame.url.endsWith('.ts')
        ? sourceLines.sourceLine(fileURLToPath(frame.url), frame.functionName, frame.lineNumber, frame.columnNumber)
        : frame.lineNumber + 1;
      return `${name} ${file}:${line ?? '?'}`;
    },
    ours: ({ callFrame: frame }) => frame.url.startsWith(rootPrefix) && !frame.url.includes('/node_modules/'),
    top,
  });
}

/**
 * The hot spots of the busiest profile in `profileDir` (a process under --cpu-prof also writes one
 * for tsx's loader thread), as markdown under `title`.
 */
export function busiestProfileReport(profileDir: string, repoRoot: string, title: string): string {
  const summaries = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ path: join(profileDir, name), summary: summarizeCpuProfile(join(profileDir, name), repoRoot) }))
    .sort((a, b) => b.summary.busyMilliseconds - a.summary.busyMilliseconds);
  const busiest = summaries[0];
  return busiest ? renderProfileSummary(busiest.summary, `${title} (${busiest.path})`) : `No .cpuprofile was written to ${profileDir}.`;
}
