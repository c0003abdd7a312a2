import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  help: boolean;
  /** Multiplies every record count. */
  scale: number;
  /** Where the profiled process writes its .cpuprofile, when profiling. */
  profileDir: string | undefined;
}

/**
 * The options bench/broker and bench/gateway share: `--scale N`, `--profile`, `--profile-dir DIR`,
 * `--help`. Profiling without a directory profiles into a new temporary one, kept afterwards.
 */
export function parseBenchOptions(profilePrefix: string, args = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'profile-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`--scale needs a positive number, not '${values.scale}'.`);
  const profiling = values.profile || values['profile-dir'] !== undefined;
  return { help: values.help, scale, profileDir: profiling ? (values['profile-dir'] ?? mkdtempSync(join(tmpdir(), profilePrefix))) : undefined };
}
