import { expect, test } from './fixtures';
import { hoverCell, laneLabel, laneSummary, motionInk, openDashboard, produceFromPanel, saveScreenshot } from './support/dashboard';
import { produceWithKcat, readTopic } from './support/kafka-truth';

// DESIGN.md, "Data flow": the tap shows every record, whoever produced it. A record from an outside
// client (kcat here, librdkafka underneath) has no `lanes-producer` header, so it arrives from the
// lane's outside edge, not from the producer panel, and says so when pointed at.

const TOPIC = 'from-outside';

test('a record produced by kcat appears in its lane, arriving from the outside edge', async ({ page, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 3 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, TOPIC);

  // Paused, arrivals wait where they come from, so the picture can be checked before they land.
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByText('Paused: new records wait; use Step to land them one at a time.')).toBeVisible();

  await produceWithKcat(lanes.services.bootstrap, TOPIC, ['sensor-7:21.5C']);
  const [record, ...rest] = await readTopic(lanes.services.bootstrap, TOPIC);
  expect(rest).toHaveLength(0);
  expect(record).toMatchObject({ key: 'sensor-7', value: '21.5C', offset: 0 });
  const lane = record!.partition;

  // It waits at its own lane's outside edge, not on the producer-panel side; the lane already counts it.
  await expect.poll(() => motionInk(page, lane), { message: 'ink on the animated layer' }).toEqual({ panelSide: false, outsideEdge: true });
  await expect(laneLabel(page, lane)).toHaveAttribute('data-log-end', '1');
  expect(await laneSummary(page, lane)).toMatchObject({ cells: [], inFlight: 1 });
  await saveScreenshot(page, 'outside-record-waiting');

  // Step: it slides in and lands at offset 0 of that lane, and only there.
  await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Step' }).click();
  await expect.poll(async () => (await laneSummary(page, lane))?.cells).toEqual([{ offset: 0, key: 'sensor-7' }]);
  for (let p = 0; p < 3; p++) if (p !== lane) expect((await laneSummary(page, p))?.cells).toEqual([]);
  await expect.poll(() => motionInk(page, lane)).toEqual({ panelSide: false, outsideEdge: false });
  const tooltip = await hoverCell(page, lane, 0);
  await expect(tooltip).toContainText('sensor-7');
  await expect(tooltip).toContainText(`partition ${lane}, offset 0`);
  await expect(tooltip).toContainText('an outside client');
  await saveScreenshot(page, 'outside-record-landed');

  // For contrast, a line sent from the panel while paused waits on the panel side instead.
  await produceFromPanel(page, ['sensor-7 22.0C'], { partition: String(lane) });
  await expect.poll(() => motionInk(page, lane)).toEqual({ panelSide: true, outsideEdge: false });
});
