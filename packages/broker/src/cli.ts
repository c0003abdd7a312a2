#!/usr/bin/env -S npx tsx
/**
 * Starts the embedded broker alone:
 *   pnpm broker [--host 127.0.0.1] [--port 9092] [--partitions 3] [--segment-bytes 1048576]
 */
import { parseArgs } from 'node:util';
import { startBroker } from './broker';

const usage = `Usage: pnpm broker [options]

  --host HOST              address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port PORT              port to listen on (default 9092; 0 for any free port)
  --advertised-host HOST   host clients are told to connect to (default: --host)
  --partitions N           partitions of auto-created topics (default 3)
  --segment-bytes N        log segment size in bytes (default 1048576)
  --retention-ms N         delete segments older than this (default 604800000, 7 days)
  --retention-bytes N      keep at most this many bytes per partition (default -1, unlimited)
  --rebalance-delay-ms N   initial rebalance delay of a new group (default 0)
  --quiet                  do not log connection problems
  --help                   show this help
`;

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`--${name} needs a whole number, not '${value}'.`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'advertised-host': { type: 'string' },
      partitions: { type: 'string' },
      'segment-bytes': { type: 'string' },
      'retention-ms': { type: 'string' },
      'retention-bytes': { type: 'string' },
      'rebalance-delay-ms': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const broker = await startBroker({
    host: values.host,
    port: numberOption('port', values.port),
    advertisedHost: values['advertised-host'],
    defaultPartitions: numberOption('partitions', values.partitions),
    segmentBytes: numberOption('segment-bytes', values['segment-bytes']),
    retentionMs: numberOption('retention-ms', values['retention-ms']),
    retentionBytes: numberOption('retention-bytes', values['retention-bytes']),
    initialRebalanceDelayMs: numberOption('rebalance-delay-ms', values['rebalance-delay-ms']),
    log: values.quiet ? undefined : (message) => console.error(`[broker] ${message}`),
  });
  console.log(`Lanes embedded Kafka broker listening on ${broker.bootstrap}`);
  console.log(`Connect any Kafka client with bootstrap.servers=${broker.bootstrap}, for example:`);
  console.log(`  kcat -b ${broker.bootstrap} -L`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void broker.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
