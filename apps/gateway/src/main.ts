/**
 * Starts Lanes: the embedded broker (unless KAFKA_BROKERS names a cluster), the gateway, and the
 * dashboard. docs/configuration.md lists every setting.
 */
import { randomBytes } from 'node:crypto';
import { ConfigError, isLoopback, loadConfig } from './config';
import { startGateway } from './gateway';
import type { GatewayServices } from './services';

const DEMO_TOPIC = 'orders';

async function main(): Promise<void> {
  let config = loadConfig();
  let tokenNote = '';
  if (!isLoopback(config.host) && !config.presenterToken) {
    config = { ...config, presenterToken: randomBytes(9).toString('base64url') };
    tokenNote = ' (a new token: set LANES_PRESENTER_TOKEN to keep one across restarts)';
  }
  const gateway = await startGateway(config);
  const { services } = gateway;
  if (services.mode === 'embedded') await createDemoTopic(services);
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

/**
 * A fresh embedded broker has no topics; one ready to use means a newcomer's first click (Send, with
 * the seed lab's lines already in the box) shows records landing.
 */
async function createDemoTopic(services: GatewayServices): Promise<void> {
  if (services.topicViews().length > 0) return;
  try {
    await services.topics.create({ name: DEMO_TOPIC, partitions: 3 });
    await services.tap.watch(DEMO_TOPIC, 'beginning');
    await services.refreshTopics();
  } catch (error) {
    services.log(`could not create the demo topic '${DEMO_TOPIC}': ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
