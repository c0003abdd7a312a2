import { expect, test } from './fixtures';
import { cellsFromKafka, expectLanesToShow, laneLabel, openDashboard, produceFromPanel, saveScreenshot, waitForSentResults } from './support/dashboard';
import { waitForStableGroup } from './support/groups';
import { readTopic } from './support/kafka-truth';

// Classroom basics (issue 4): presenter mode is readable from the back of a room and is part of the
// view kept in the URL, so an instructor can bookmark it. Also the README's picture: lanes with
// records, a group reading them, and their markers.

const TOPIC = 'orders';
const EVENTS = ['click', 'view', 'purchase', 'refund'];
/** The seed's lines, then enough more that every lane has a story: eight users, four kinds of event. */
const LINES = ['u1 click 10', 'u2 purchase 99', 'u1 view 1', ...Array.from({ length: 27 }, (_, i) => `u${(i * 5) % 8 + 1} ${EVENTS[i % 4]} ${i + 2}`)];

test('presenter mode enlarges the lanes, survives a reload through the URL, and reverts', async ({ page, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 4 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, TOPIC);
  await produceFromPanel(page, LINES);
  await waitForSentResults(page, LINES.length);
  await expectLanesToShow(page, cellsFromKafka(await readTopic(lanes.services.bootstrap, TOPIC), 4));

  // A group of two reads everything; its position and commit markers join the lanes.
  await page.getByRole('button', { name: 'New group' }).click();
  const form = page.getByRole('form', { name: 'New consumer group' });
  await form.getByRole('textbox', { name: 'Group id' }).fill('shipping');
  await form.getByRole('spinbutton', { name: 'Consumers' }).fill('2');
  await form.getByRole('button', { name: 'Create group' }).click();
  await waitForStableGroup(page, 'shipping', 2);
  await expect(page.getByRole('region', { name: 'Partition lanes' }).getByText('group shipping')).toBeVisible();
  await produceFromPanel(page, ['u1 refund 10', 'u5 view 3']);
  await waitForSentResults(page, LINES.length + 2);
  await saveScreenshot(page, 'dashboard');

  const presenter = page.getByRole('button', { name: 'Presenter' });
  const labelWidth = async () => (await page.locator('.lane-labels').boundingBox())?.width ?? 0;
  const normalWidth = await labelWidth();
  const nameSize = () => laneLabel(page, 0).locator('.lane-name').evaluate((name) => parseFloat(getComputedStyle(name).fontSize));
  const normalNameSize = await nameSize();
  await presenter.click();
  await expect(presenter).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page).toHaveURL(/[?&]presenter=1/);
  await expect.poll(labelWidth).toBeGreaterThan(normalWidth);
  await expect.poll(nameSize, { message: 'lane names in larger type' }).toBeGreaterThan(normalNameSize);
  await saveScreenshot(page, 'presenter');

  // The URL carries the view: a reload (or a shared link) opens in presenter mode on the same topic.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('combobox', { name: 'Topic' })).toHaveValue(TOPIC);
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
  await expect(page).not.toHaveURL(/presenter=1/);
});
