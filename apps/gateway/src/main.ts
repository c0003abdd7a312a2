/**
 * Starts Lanes: the embedded broker (unless KAFKA_BROKERS names a cluster), the gateway, and the
 * dashboard. docs/configuration.md lists every setting.
 */
import { randomBytes } from 'node:crypto';
import { ConfigError, isLoopback, loadConfig } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  let config = loadConfig();
  let tokenNote = '';
  if (!isLoopback(config.host) && !config.presenterToken) {
    config = { ...config, presenterToken: randomBytes(9).toString('base64url') };
    tokenNote = ' (a new token: set LANES_PRESENTER_TOKEN to keep one across restarts)';
  }
  const gateway = await startGateway(config);
  const { services } = gateway;
  console.log(`Lanes is running: open ${gateway.url}`);
  if (services.tokenRequired) {
    console.log(`Presenter link${tokenNote}: ${gateway.url}/?token=${config.presenterToken}`);
    console.log('Others can watch at the plain address; only the presenter link can change things.');
  }
  console.log(
    services.mode === 'embedded'
      ? `Embedded Kafka broker at ${services.bootstrap}: connect any Kafka client there (kcat -b ${services.bootstrap} -L).`
      : `Connected to Kafka at ${services.bootstrap}.`,
  );
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
