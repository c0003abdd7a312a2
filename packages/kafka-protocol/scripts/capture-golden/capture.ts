/**
 * Records golden request/response bytes from real Kafka clients talking to librdkafka's mock
 * broker through a recording proxy, and writes them to src/golden/<client>.json.
 *
 *   npx tsx packages/kafka-protocol/scripts/capture-golden/capture.ts [client ...]
 *
 * See README.md beside this file. A developer tool: never run in CI.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { apiName } from './api-names';
import { CLIENT_SESSIONS, PYTHON, type ClientSession } from './client-sessions';
import { RecordingProxy, type RecordedExchange } from './recording-proxy';
import { selectExchanges } from './select-exchanges';
import { sessionNamesFor } from './session-names';
import type { BrokerAddress } from './response-rewrite';
import type { GoldenPair } from '../../src/golden/golden-pair';

const FIXTURE_DIR = new URL('../../src/golden/', import.meta.url);


async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !CLIENT_SESSIONS.some((session) => session.client === name));
  if (unknown.length > 0) {
    throw new Error(`unknown client(s) ${unknown.join(', ')}; choose from ${CLIENT_SESSIONS.map((s) => s.client).join(', ')}`);
  }
  const sessions = CLIENT_SESSIONS.filter((session) => wanted.length === 0 || wanted.includes(session.client));

  const mock = await startMockBroker();
  const failures: string[] = [];
  try {
    for (const session of sessions) {
      try {
        await captureSession(session, mock.address);
      } catch (error) {
        failures.push(`${session.client}: ${(error as Error).message}`);
      }
    }
  } finally {
    mock.stop();
  }
  if (failures.length > 0) {
    console.error(`capture incomplete:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

async function captureSession(session: ClientSession, mock: BrokerAddress): Promise<void> {
  const clientVersion = await session.version();
  const proxy = await RecordingProxy.start(mock);
  let driveError: Error | undefined;
  try {
    await session.drive(`${proxy.address.host}:${proxy.address.port}`, sessionNamesFor(session.client));
  } catch (error) {
    driveError = error as Error;
  } finally {
    await proxy.stop();
  }

  const pairs = selectExchanges(proxy.exchanges).map((exchange) => toGoldenPair(session.client, clientVersion, exchange));
  const file = new URL(`${session.client}.json`, FIXTURE_DIR);
  await writeFile(file, `${JSON.stringify(pairs, null, 2)}\n`);
  console.log(`${session.client} ${clientVersion}: ${proxy.exchanges.length} exchanges, kept ${pairs.length} in ${fileURLToPath(file)}`);
  for (const [note, times] of proxy.notes) console.log(`  note: ${note} (${times}x)`);
  for (const pair of pairs) console.log(`  ${pair.apiName} v${pair.apiVersion}${pair.response === null ? ' (no response)' : ''}`);

  const problems = [...proxy.problems];
  if (driveError) problems.push(`session failed: ${driveError.message}`);
  const kept = new Set(pairs.map((pair) => `${pair.apiName} v${pair.apiVersion}`));
  const lost = new Set(proxy.exchanges.map((e) => `${apiName(e.apiKey)} v${e.apiVersion}`).filter((name) => !kept.has(name)));
  if (lost.size > 0) problems.push(`every exchange of ${[...lost].join(', ')} was too large to keep`);
  const seen = new Set(proxy.exchanges.map((exchange) => exchange.apiKey));
  const missing = session.requiredApiKeys.filter((apiKey) => !seen.has(apiKey));
  if (missing.length > 0) problems.push(`never sent ${missing.map(apiName).join(', ')}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
}

function toGoldenPair(client: string, clientVersion: string, exchange: RecordedExchange): GoldenPair {
  return {
    client,
    clientVersion,
    apiKey: exchange.apiKey,
    apiName: apiName(exchange.apiKey),
    apiVersion: exchange.apiVersion,
    request: exchange.request.toString('hex'),
    response: exchange.response?.toString('hex') ?? null,
  };
}

interface MockBroker {
  address: BrokerAddress;
  stop(): void;
}

/** Starts mock-broker.py and waits for the one JSON line that names its listener. */
async function startMockBroker(): Promise<MockBroker> {
  const script = fileURLToPath(new URL('./mock-broker.py', import.meta.url));
  const child: ChildProcessWithoutNullStreams = spawn(PYTHON, [script]);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const stop = (): void => {
    child.stdin.end();
    setTimeout(() => child.kill(), 2_000).unref();
  };
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('error', (error) => reject(new Error(`${PYTHON} ${script}: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`mock broker exited ${code} before listening:\n${stderr}`)));
  });
  const address = JSON.parse(firstLine) as BrokerAddress;
  console.log(`librdkafka mock broker on ${address.host}:${address.port}`);
  return { address, stop };
}

await main();
