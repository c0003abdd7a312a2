import { expect, test } from './fixtures';
import { cellsFromKafka, expectLanesToShow, laneLabel, openDashboard, partitionNamedBy, produceFromPanel, saveScreenshot, waitForSentResults } from './support/dashboard';
import { logEndOffsets, readTopic } from './support/kafka-truth';

// Seed 000 (Lab 1): the lines a student types first. Keyed records of one key land in one lane, at
// consecutive offsets, in the lane the explanation names; keyless ones spread; an explicit partition
// wins over everything. Each test checks the screen against what Kafka holds.

const LAB_LINES = ['u1 click 10', 'u2 purchase 99', 'u1 view 1'];

test('keyed lines land in the lane their explanation names, at consecutive offsets', async ({ page, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: 'lab1-keyed', numPartitions: 3 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, 'lab1-keyed');
  await saveScreenshot(page, 'dashboard-empty');

  await produceFromPanel(page, LAB_LINES);
  const sent = await waitForSentResults(page, 3);

  // The panel names a partition per line, and the explanation's arithmetic ends in that partition.
  expect(sent.map((s) => s.key)).toEqual(['u1', 'u2', 'u1']);
  for (const result of sent) expect(partitionNamedBy(result.explanation), result.explanation).toBe(result.partition);
  const [first, , third] = sent;
  expect(third!.partition).toBe(first!.partition);
  expect(third!.offset).toBe(first!.offset! + 1);

  // Kafka holds exactly those records where the panel said.
  const records = await readTopic(lanes.services.bootstrap, 'lab1-keyed');
  expect(records.map((r) => `${r.key} ${r.value} p${r.partition}@${r.offset}`)).toEqual(
    expect.arrayContaining(sent.map((s, i) => `${s.key} ${LAB_LINES[i]!.split(' ').slice(1).join(' ')} p${s.partition}@${s.offset}`)),
  );
  expect(records).toHaveLength(3);

  // The lanes show the same: u1 twice in its lane at consecutive offsets, u2 in its own.
  await expectLanesToShow(page, cellsFromKafka(records, 3));
  const ends = await logEndOffsets(admin, 'lab1-keyed');
  for (let p = 0; p < 3; p++) await expect(laneLabel(page, p)).toHaveAttribute('data-log-end', String(ends[p]));
  await saveScreenshot(page, 'keyed-lines');
});

test('keyless lines spread across lanes; a line sent to an explicit partition lands there', async ({ page, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: 'lab1-keyless', numPartitions: 3 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, 'lab1-keyless');

  // A line starting with a space has no key: kafkajs's round robin deals them out one lane each.
  await produceFromPanel(page, LAB_LINES.map((line) => ` ${line.split(' ').slice(1).join(' ')}`));
  const keyless = await waitForSentResults(page, 3);
  expect(keyless.map((s) => s.key)).toEqual([null, null, null]);
  for (const result of keyless) expect(partitionNamedBy(result.explanation)).toBe(result.partition);
  expect(new Set(keyless.map((s) => s.partition)).size).toBe(3);

  // An explicit partition beats the key: u1 goes to P2 whatever its hash says.
  await produceFromPanel(page, ['u1 pinned 2'], { partition: '2' });
  const all = await waitForSentResults(page, 4);
  expect(all[3]).toMatchObject({ key: 'u1', partition: 2 });
  expect(all[3]!.explanation).toMatch(/^explicit partition 2/);

  const records = await readTopic(lanes.services.bootstrap, 'lab1-keyless');
  expect(records).toHaveLength(4);
  expect(records.filter((r) => r.key === null).map((r) => r.partition).sort()).toEqual([0, 1, 2]);
  expect(records.find((r) => r.key === 'u1')).toMatchObject({ partition: 2, value: 'pinned 2' });
  await expectLanesToShow(page, cellsFromKafka(records, 3));
  await saveScreenshot(page, 'keyless-and-explicit');
});
