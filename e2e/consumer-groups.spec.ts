import { expect, test } from './fixtures';
import { lanesHeading, openDashboard, produceFromPanel, saveScreenshot, waitForSentResults } from './support/dashboard';
import { groupCard, memberList, memberRow, shownGeneration, waitForStableGroup, type MemberRowView } from './support/groups';
import { groupAssignments, logEndOffsets } from './support/kafka-truth';
import type { Admin } from 'kafkajs';

// Seeds on consumer groups, idle consumers and rebalancing: partitions are shared out among a
// group's members, one owner each; adding a member rebalances; a crashed member is only noticed
// after its session timeout; members beyond the partition count sit idle. Every step compares the
// card with the assignment Kafka holds (DescribeGroups).

const TOPIC = 'orders-six';
const GROUP = 'billing';
const SESSION_SECONDS = '6';

/** The card's rows must match Kafka's assignment, member by member (by client id). */
async function expectCardToMatchKafka(admin: Admin, rows: MemberRowView[]): Promise<void> {
  const kafka = await groupAssignments(admin, GROUP, TOPIC);
  expect(kafka.state).toBe('Stable');
  const fromKafka = Object.fromEntries(kafka.members.map((m) => [m.clientId, m.partitions]));
  const onScreen = Object.fromEntries(rows.map((row) => [row.clientId, row.partitions]));
  expect(onScreen).toEqual(fromKafka);
}

function allPartitions(rows: MemberRowView[]): number[] {
  return rows.flatMap((row) => row.partitions).sort((a, b) => a - b);
}

test('a group of three shares six partitions, rebalances for a fourth, survives a crash and idles extra members', async ({ page, lanes, admin }) => {
  test.setTimeout(90_000);
  await openDashboard(page, lanes.url);

  // New topic from the top bar: six partitions, six lanes.
  await page.getByRole('button', { name: 'New topic' }).click();
  const dialog = page.getByRole('dialog', { name: 'New topic' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(TOPIC);
  await dialog.getByRole('spinbutton', { name: 'Partitions' }).fill('6');
  await dialog.getByRole('button', { name: 'Create topic' }).click();
  await expect(dialog).toBeHidden();
  await expect(lanesHeading(page)).toHaveText(`${TOPIC} · 6 partitions`);
  expect((await admin.fetchTopicMetadata({ topics: [TOPIC] })).topics[0]!.partitions).toHaveLength(6);

  // A group of three with a short session timeout: two partitions each.
  await page.getByRole('button', { name: 'New group' }).click();
  const form = page.getByRole('form', { name: 'New consumer group' });
  await form.getByRole('textbox', { name: 'Group id' }).fill(GROUP);
  await expect(form.getByRole('checkbox', { name: TOPIC })).toBeChecked();
  await form.getByRole('spinbutton', { name: 'Session timeout (s)' }).fill(SESSION_SECONDS);
  await form.getByRole('spinbutton', { name: 'Consumers' }).fill('3');
  await form.getByRole('button', { name: 'Create group' }).click();

  let rows = await waitForStableGroup(page, GROUP, 3);
  expect(rows.map((row) => row.partitions.length)).toEqual([2, 2, 2]);
  expect(allPartitions(rows)).toEqual([0, 1, 2, 3, 4, 5]);
  await expectCardToMatchKafka(admin, rows);
  await saveScreenshot(page, 'group-of-three');

  // A fourth member: the group rebalances, the card shows the new generation and what moved.
  let generation = await shownGeneration(page, GROUP);
  await groupCard(page, GROUP).getByRole('button', { name: 'Add consumer' }).click();
  rows = await waitForStableGroup(page, GROUP, 4, generation);
  expect(rows.map((row) => row.partitions.length).sort()).toEqual([1, 1, 2, 2]);
  expect(allPartitions(rows)).toEqual([0, 1, 2, 3, 4, 5]);
  await expectCardToMatchKafka(admin, rows);
  const newGeneration = await shownGeneration(page, GROUP);
  const changes = groupCard(page, GROUP).locator('.rebalance-changes');
  await expect(changes.locator('summary')).toHaveText(new RegExp(`^Generation ${newGeneration}: `));
  await expect(changes.getByRole('listitem').filter({ hasText: /lost P\d/ })).not.toHaveCount(0);
  await expect(changes.getByRole('listitem').filter({ hasText: /gained P\d/ })).not.toHaveCount(0);
  await saveScreenshot(page, 'rebalance');

  // Crash c2: it says nothing, so the card counts down the session timeout before the group reacts.
  generation = newGeneration;
  const crashed = memberRow(page, GROUP, 'c2');
  await crashed.getByRole('button', { name: 'Crash' }).click();
  await expect(crashed.locator('.status-badge')).toHaveText('crashed');
  const countdown = crashed.getByRole('timer');
  await expect(countdown).toHaveText(/expires it in \d+(\.\d)? s \(session timeout 6\.0 s\)/);
  const secondsLeft = async () => Number(/in (\d+(?:\.\d)?) s/.exec(await countdown.innerText())?.[1] ?? NaN);
  const first = await secondsLeft();
  expect(first).toBeLessThanOrEqual(6);
  await expect.poll(secondsLeft, { message: 'the countdown goes down' }).toBeLessThan(first);
  await saveScreenshot(page, 'crash-countdown');
  // Until the timeout passes, Kafka still counts c2 as a member.
  expect((await groupAssignments(admin, GROUP, TOPIC)).members).toHaveLength(4);

  rows = await waitForStableGroup(page, GROUP, 3, generation, 20_000);
  expect(rows.map((row) => row.name)).not.toContain('c2');
  expect(rows.map((row) => row.partitions.length)).toEqual([2, 2, 2]);
  await expectCardToMatchKafka(admin, rows);

  // Seven members for six partitions: one waits, idle, and the card says why.
  generation = await shownGeneration(page, GROUP);
  for (let added = 0; added < 4; added++) await groupCard(page, GROUP).getByRole('button', { name: 'Add consumer' }).click();
  rows = await waitForStableGroup(page, GROUP, 7, generation, 30_000);
  expect(rows.filter((row) => row.partitions.length === 0)).toHaveLength(1);
  expect(allPartitions(rows)).toEqual([0, 1, 2, 3, 4, 5]);
  await expectCardToMatchKafka(admin, rows);
  const idle = memberList(page, GROUP).getByRole('listitem').filter({ hasText: 'More consumers than partitions' });
  await expect(idle).toHaveCount(1);
  await expect(idle.locator('.status-badge')).toHaveText('idle');
  await expect(groupCard(page, GROUP).locator('.members-summary')).toHaveText('7 members · 6 partitions · 1 idle');
  await saveScreenshot(page, 'idle-consumer');
});

test('what the group processed and committed on screen is what Kafka holds', async ({ page, lanes, admin }) => {
  const topic = 'payments';
  const groupId = 'audit';
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, topic);

  // Twelve records before the group exists (it reads them on joining, auto.offset.reset earliest),
  // then twelve while it reads, arriving at the tap and the members at the same time.
  const lines = Array.from({ length: 24 }, (_, i) => `u${i % 6} pay ${i}`);
  await produceFromPanel(page, lines.slice(0, 12));
  await waitForSentResults(page, 12);
  await page.getByRole('button', { name: 'New group' }).click();
  const form = page.getByRole('form', { name: 'New consumer group' });
  await form.getByRole('textbox', { name: 'Group id' }).fill(groupId);
  await form.getByRole('spinbutton', { name: 'Consumers' }).fill('2');
  await form.getByRole('button', { name: 'Create group' }).click();
  await waitForStableGroup(page, groupId, 2);
  await produceFromPanel(page, lines.slice(12));
  await waitForSentResults(page, 24);

  // Kafka: the group committed every partition up to its log end (-1: nothing to commit in an empty one).
  const ends = await logEndOffsets(admin, topic);
  const committed = async () => {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets!.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
  };
  await expect.poll(committed, { message: 'offsets Kafka holds for the group' }).toEqual(ends.map((end) => (end === 0 ? -1 : end)));

  // The card: the lag table shows those commits, lag 0, and the members processed all 24.
  const card = groupCard(page, groupId);
  await expect(card.locator('.lag summary')).toHaveText('Lag: 0 records behind');
  const lagRows = card.locator('.lag-table tbody tr');
  await expect(lagRows).toHaveCount(4);
  for (let p = 0; p < 4; p++) {
    await expect(lagRows.nth(p).getByRole('cell').first()).toHaveText(ends[p] === 0 ? 'none' : String(ends[p]));
  }
  const processedTotal = async () => {
    const counts = await card.locator('.members .processed').allInnerTexts();
    return counts.reduce((sum, text) => sum + Number(text.replace(/[^\d]/g, '')), 0);
  };
  await expect.poll(processedTotal, { message: 'records the members show as processed' }).toBe(24);
  await saveScreenshot(page, 'group-processed');
});
