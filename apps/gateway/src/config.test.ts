import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('starts on loopback with the embedded broker when nothing is set', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, brokerPort: 9092 });
    expect(config.kafkaBrokers).toBeUndefined();
  });

  it('reads the environment, and flags win over it', () => {
    const config = loadConfig({ LANES_PORT: '4000', KAFKA_BROKERS: 'a:9092, b:9093' }, ['--port', '4001', '--log-level=error']);
    expect(config.port).toBe(4001);
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9093']);
    expect(config.logLevel).toBe('error');
  });

  it('skips the `--` that `pnpm start -- --port 3001` passes along', () => {
    expect(loadConfig({}, ['--', '--port', '3001']).port).toBe(3001);
  });

  it('names the options it knows when given one it does not', () => {
    expect(() => loadConfig({}, ['--prot', '3001'])).toThrow(/Unknown option '--prot'\. Options: --host, --port/);
  });

  it('says which setting is wrong, by variable and flag, and what it accepts', () => {
    expect(() => loadConfig({ KAFKA_BROKERS: 'localhost' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ KAFKA_BROKERS: 'localhost' }, [])).toThrow(/KAFKA_BROKERS \(--kafka-brokers\): Each broker is host:port/);
    expect(() => loadConfig({}, ['--port'])).toThrow(/Option --port needs a value/);
  });
});
