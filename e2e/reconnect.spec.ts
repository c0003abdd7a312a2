import { expect, test } from './fixtures';
import { cellsFromKafka, connectionStatus, expectLanesToShow, laneCells, openDashboard, produceFromPanel, saveScreenshot, waitForSentResults } from './support/dashboard';
import { readTopic, type KafkaRecord } from './support/kafka-truth';

// DESIGN.md, "Failure and misuse" and issue 4: a lost connection shows a banner; on return the
// dashboard resyncs from the gateway's snapshot, so a record produced while the page was away
// appears once, in its lane, and nothing appears twice.

const TOPIC = 'recover';

/** Records per key, as Kafka holds them. */
function countsByKey(records: readonly KafkaRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) if (record.key !== null) counts[record.key] = (counts[record.key] ?? 0) + 1;
  return counts;
}

test('after the browser loses its connection, the dashboard recovers with every record once', async ({ page, context, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 3 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, TOPIC);
  await produceFromPanel(page, ['u1 click 10', 'u2 purchase 99', 'u1 view 1']);
  await waitForSentResults(page, 3);
  const before = await readTopic(lanes.services.bootstrap, TOPIC);
  await expectLanesToShow(page, cellsFromKafka(before, 3));

  // The network goes: the page says which link is down and that it comes back by itself.
  await context.setOffline(true);
  const banner = page.getByRole('alert').filter({ hasText: 'Lost the connection to the Lanes gateway' });
  await expect(banner).toBeVisible();
  await expect(connectionStatus(page)).toContainText('gateway offline, reconnecting…');
  await expect(page.getByRole('form', { name: 'Send messages' }).getByRole('button', { name: 'Send' })).toBeDisabled();

  // Meanwhile a script produces through the REST API (docs/api.md).
  const response = await fetch(`${lanes.url}/api/topics/${TOPIC}/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lines: 'u1 away 1\nu3 away 2\nu2 away 3\n away keyless' }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const during = await readTopic(lanes.services.bootstrap, TOPIC);
  expect(during).toHaveLength(7);
  await saveScreenshot(page, 'connection-lost');
  // The page really was away: it still shows only what it had.
  expect(await laneCells(page, 3)).toEqual(cellsFromKafka(before, 3));

  // The network returns: the banner clears, a note says the picture was reloaded, nothing is missing.
  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Reconnected to the Lanes gateway' })).toBeVisible();
  await expect(connectionStatus(page)).toContainText('live');
  await expectLanesToShow(page, cellsFromKafka(during, 3));

  // And it stays live: one more line from the panel lands once, after the rest.
  await produceFromPanel(page, ['u3 back 4']);
  await waitForSentResults(page, 4);
  const after = await readTopic(lanes.services.bootstrap, TOPIC);
  expect(after).toHaveLength(8);
  await expectLanesToShow(page, cellsFromKafka(after, 3));

  // Every key's record count on screen is Kafka's: no record was shown twice.
  const insights = page.getByRole('region', { name: /Insights/ });
  await insights.getByRole('tab', { name: 'Key → partition' }).click();
  const table = insights.getByRole('table');
  const readCounts = async () => {
    const counts: Record<string, number> = {};
    for (const row of (await table.getByRole('row').all()).slice(1)) {
      const key = (await row.getByRole('rowheader').innerText()).trim();
      counts[key] = Number((await row.getByRole('cell').last().innerText()).replace(/,/g, ''));
    }
    return counts;
  };
  await expect.poll(readCounts, { message: 'records per key in the key table' }).toEqual(countsByKey(after));
  await saveScreenshot(page, 'reconnected');
});
