import { readFileSync } from 'node:fs';

/**
 * How a root package.json script starts a part of Lanes (`pnpm gateway`, `pnpm broker`), read from
 * the script itself so that the benches run it exactly as a person does: `node FLAGS... ENTRY`. The
 * benches add their own instrumentation flags (a memory probe, --cpu-prof) in front and their own
 * arguments after.
 */
export interface ScriptCommand {
  /** Node's options from the script, `--import tsx` included, in order. */
  readonly nodeFlags: readonly string[];
  /** The entry module, relative to the repository root. */
  readonly entry: string;
}

export type StartScript = 'gateway' | 'broker';

export function scriptCommand(name: StartScript, packageJsonPath = 'package.json'): ScriptCommand {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.[name];
  const words = script?.trim().split(/\s+/) ?? [];
  const entry = words.at(-1);
  if (words[0] !== 'node' || !entry?.endsWith('.ts')) {
    throw new Error(`The benches start the ${name} as the '${name}' script in ${packageJsonPath} does, and expect it to read 'node [FLAGS...] ENTRY.ts'; it reads '${script ?? '(missing)'}'.`);
  }
  return { nodeFlags: words.slice(1, -1), entry };
}
