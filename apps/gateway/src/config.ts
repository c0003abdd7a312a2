import { z } from 'zod';

/**
 * The gateway's configuration, from the environment and command-line flags, parsed once here.
 * docs/configuration.md lists every setting; keep the two in step.
 */
const brokerList = z
  .string()
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'Each broker is host:port, e.g. localhost:9092.')).min(1, 'Name at least one broker, e.g. localhost:9092.'));

const port = z.coerce.number().int().min(0).max(65535);

export const gatewayConfigSchema = z.object({
  /** Where the dashboard, socket.io and REST listen. 127.0.0.1 keeps Lanes private to this machine. */
  host: z.string().min(1).default('127.0.0.1'),
  port: port.default(3000),
  /** A real cluster. When absent, the gateway starts the embedded broker. */
  kafkaBrokers: brokerList.optional(),
  /** Embedded broker: preferred port (the next free one is used if it is taken). */
  brokerPort: port.default(9092),
  /** Embedded broker: the host it listens on; clients elsewhere need it reachable. */
  brokerHost: z.string().min(1).default('127.0.0.1'),
  /** Required to change anything when the gateway listens beyond loopback. */
  presenterToken: z.string().min(8, 'The presenter token must be at least 8 characters.').optional(),
  /** The built dashboard to serve; absent in development (Vite serves it). */
  webDir: z.string().optional(),
  /** Socket commands per second per client before it is told to slow down. */
  commandRatePerSecond: z.coerce.number().int().min(1).default(50),
  /** Records buffered per browser before it receives aggregates instead. */
  clientBufferRecords: z.coerce.number().int().min(100).default(20_000),
  /** At most one coalesced batch per this interval goes out to each browser. */
  flushIntervalMs: z.coerce.number().int().min(5).max(1000).default(16),
  /** The tap's fetches: Kafka answers once this many bytes are ready, or after tapMaxWaitMs. */
  tapMinBytes: z.coerce.number().int().min(1).max(16 * 1024 * 1024).default(64 * 1024),
  /** The longest a record waits in Kafka for the tap's fetch to fill; bounds what the tap adds to latency. */
  tapMaxWaitMs: z.coerce.number().int().min(1).max(1000).default(20),
  /** How often external groups are polled through the admin API. */
  groupPollMs: z.coerce.number().int().min(200).default(1000),
  logLevel: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;

/** Environment variable for each setting. */
const envNames: Record<keyof GatewayConfig, string> = {
  host: 'LANES_HOST',
  port: 'LANES_PORT',
  kafkaBrokers: 'KAFKA_BROKERS',
  brokerPort: 'LANES_BROKER_PORT',
  brokerHost: 'LANES_BROKER_HOST',
  presenterToken: 'LANES_PRESENTER_TOKEN',
  webDir: 'LANES_WEB_DIR',
  commandRatePerSecond: 'LANES_COMMAND_RATE',
  clientBufferRecords: 'LANES_CLIENT_BUFFER_RECORDS',
  flushIntervalMs: 'LANES_FLUSH_INTERVAL_MS',
  tapMinBytes: 'LANES_TAP_MIN_BYTES',
  tapMaxWaitMs: 'LANES_TAP_MAX_WAIT_MS',
  groupPollMs: 'LANES_GROUP_POLL_MS',
  logLevel: 'LANES_LOG_LEVEL',
};

/** Flags mirror the variables: --port 3001, --kafka-brokers localhost:9092, --presenter-token ... */
const flagNames: Record<string, keyof GatewayConfig> = Object.fromEntries(
  (Object.keys(envNames) as (keyof GatewayConfig)[]).map((key) => [key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), key]),
);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): GatewayConfig {
  const raw: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // `pnpm start -- --port 3001` hands the script a `--` of its own: it separates nothing here.
    if (arg === '--') continue;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const key = match ? flagNames[match[1]!] : undefined;
    if (!match || !key) throw new ConfigError(`Unknown option '${arg}'. Options: ${Object.keys(flagNames).map((f) => `--${f}`).join(', ')}.`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`Option --${match[1]} needs a value.`);
    raw[key] = value;
  }
  return parseConfig(raw);
}

export function parseConfig(input: Record<string, unknown>): GatewayConfig {
  const result = gatewayConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path[0] as keyof GatewayConfig | undefined;
      return `${key ? `${envNames[key]} (--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})` : 'configuration'}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
