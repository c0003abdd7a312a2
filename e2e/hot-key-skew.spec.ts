import { partitionsForKeyByProfile } from '@lanes/partitioners';
import { expect, test } from './fixtures';
import { openDashboard, saveScreenshot } from './support/dashboard';
import { logEndOffsets } from './support/kafka-truth';

// Seed on hot keys and skew: when one key carries most of the traffic, the partition it hashes to
// does most of the work. The insights panel's skew figure (max ÷ mean records per partition over
// the last 10 s) must rise, name the partition the hot key hashes to, and agree with Kafka.

const TOPIC = 'clicks-skew';
const PARTITIONS = 4;

test('a hot key makes the skew figure rise and names the partition Kafka filled', async ({ page, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, TOPIC);

  const insights = page.getByRole('region', { name: /Insights/ });
  const skew = insights.locator('.skew-value');
  const verdict = insights.locator('.skew-verdict');
  const skewFigure = async () => Number((await skew.innerText()).trim()) || 0;
  const load = page.getByRole('form', { name: 'Start a load generator' });
  const generators = page.getByRole('list', { name: 'Load generators' });

  // Uniform over a thousand keys first: the lanes fill about evenly.
  await load.getByRole('textbox', { name: 'Rate (messages per second)' }).fill('200');
  await load.getByRole('combobox', { name: 'Keys' }).selectOption({ label: 'Uniform' });
  await load.getByRole('textbox', { name: 'Distinct keys' }).fill('1000');
  await load.getByRole('button', { name: `Start on ${TOPIC}` }).click();
  await expect(generators.getByRole('listitem')).toHaveCount(1);
  await expect(insights.getByText(/\d+ records in the last 10 seconds/)).toHaveText(/^(?:[3-9]\d\d|[\d,]{4,}) records/);
  const even = await skewFigure();
  expect(even).toBeGreaterThan(0);
  expect(even).toBeLessThan(1.5);
  await expect(verdict).toHaveText(/^Even enough/);
  await generators.getByRole('button', { name: /^Stop the Uniform generator/ }).click();

  // Then a hot key taking 90% of the traffic: its partition runs away from the mean.
  await load.getByRole('combobox', { name: 'Keys' }).selectOption({ label: 'Hot key' });
  await load.getByRole('textbox', { name: 'Hot share %' }).fill('90');
  await load.getByRole('button', { name: `Start on ${TOPIC}` }).click();
  const hotPartition = partitionsForKeyByProfile('hot', PARTITIONS).find((p) => p.profile === 'kafkajs')!.partition!;
  await expect.poll(skewFigure, { message: 'the skew figure rises', timeout: 15_000 }).toBeGreaterThan(2.5);
  await expect(verdict).toHaveText(new RegExp(`^Hot partition P${hotPartition}: \\d+% of records`));
  await expect(insights.locator('.bar.hot')).toHaveCount(1);
  await saveScreenshot(page, 'hot-key-skew');
  await generators.getByRole('button', { name: /^Stop the Hot key generator/ }).click();
  await expect(generators.getByRole('listitem').filter({ hasText: 'stopped' })).toHaveCount(2);

  // Kafka agrees: the hot key's partition holds far more than any other.
  const ends = await logEndOffsets(admin, TOPIC);
  const others = ends.filter((_, p) => p !== hotPartition);
  expect(ends[hotPartition]!).toBeGreaterThan(2 * Math.max(...others));
});
