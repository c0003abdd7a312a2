// Builds native/crc32c.c (binding.gyp) at install. The broker checksums every produced batch, and
// this is its fastest CRC-32C; without a compiler the build fails, and src/records/crc32c.ts uses a
// portable implementation instead, so a failed build is reported and install goes on.
import { spawnSync } from 'node:child_process';

const result = spawnSync('node-gyp', ['rebuild'], { stdio: ['ignore', 'ignore', 'pipe'], shell: process.platform === 'win32' });
if (result.status !== 0) {
  const why = result.error ? result.error.message : result.stderr.toString().trim().split('\n').slice(-12).join('\n');
  console.warn(`@lanes/kafka-protocol: the native CRC-32C did not build; the broker will use @node-rs/crc32 (slower).\n${why}`);
}
