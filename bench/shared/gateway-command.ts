import { readFileSync } from 'node:fs';

/**
 * How `pnpm gateway` starts the gateway, read from the root package.json so that the benches run it
 * exactly as a person does: `node FLAGS... ENTRY`. The benches add their own instrumentation flags
 * (a memory probe, --cpu-prof) in front and their own arguments after.
 */
export interface GatewayCommand {
  /** Node's options from the script, `--import tsx` included, in order. */
  readonly nodeFlags: readonly string[];
  /** The gateway's entry module, relative to the repository root. */
  readonly entry: string;
}

export function gatewayCommand(packageJsonPath = 'package.json'): GatewayCommand {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.gateway;
  const words = script?.trim().split(/\s+/) ?? [];
  const entry = words.at(-1);
  if (words[0] !== 'node' || !entry?.endsWith('.ts')) {
    throw new Error(`The benches start the gateway as the 'gateway' script in ${packageJsonPath} does, and expect it to read 'node [FLAGS...] ENTRY.ts'; it reads '${script ?? '(missing)'}'.`);
  }
  return { nodeFlags: words.slice(1, -1), entry };
}
