import { expect, test } from './fixtures';
import { laneCells, openDashboard, producerForm, saveScreenshot } from './support/dashboard';
import { logEndOffsets } from './support/kafka-truth';

// DESIGN.md, "Failure and misuse": bad input from a person gets a clear error next to the control
// that caused it, and changes nothing in Kafka.

test('an invalid topic name is named next to the field and creates no topic', async ({ page, lanes, admin }) => {
  await openDashboard(page, lanes.url);
  const before = (await admin.listTopics()).sort();

  await page.getByRole('button', { name: 'New topic' }).click();
  const dialog = page.getByRole('dialog', { name: 'New topic' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await name.fill('orders by day!');
  await dialog.getByRole('button', { name: 'Create topic' }).click();

  // The error is tied to the Name field (its accessible description) and says what is allowed.
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Topic names may contain only letters, digits, '\.', '_' and '-'; this one contains ' '/);
  await expect(dialog.locator('.field-error')).toHaveCount(1);
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, 'error-invalid-topic-name');

  expect((await admin.listTopics()).sort()).toEqual(before);
});

test('a partition out of range and an oversized message show errors beside their fields and produce nothing', async ({ page, lanes, admin }) => {
  await admin.createTopics({ topics: [{ topic: 'bad-input', numPartitions: 3 }] });
  await lanes.services.refreshTopics();
  await openDashboard(page, lanes.url, 'bad-input');
  const form = producerForm(page);
  const messages = form.getByRole('textbox', { name: /Messages to/ });
  const partition = form.getByRole('textbox', { name: 'Partition (optional)' });
  const send = form.getByRole('button', { name: 'Send' });

  // Partition 7 of a 3-partition topic: said beside the partition field as it is typed, and on Send.
  await messages.fill('u1 click 10');
  await partition.fill('7');
  await expect(partition).toHaveAttribute('aria-invalid', 'true');
  const partitionError = form.locator('.field-row + .field-error');
  await expect(partitionError).toHaveText(/Partition 7 does not exist: 'bad-input' has 3 partitions \(0-2\)/);
  // A screen reader hears the error with the field, as it does for the text box and the topic name.
  await expect.soft(partition).toHaveAccessibleDescription(/Partition 7 does not exist/, { timeout: 1000 });
  await send.click();
  await expect(partitionError).toBeVisible();
  await expect(partition).toBeFocused();
  await saveScreenshot(page, 'error-partition-out-of-range');

  // A message over Kafka's 1 MB limit: said beside the text box, which describes itself with it.
  await partition.fill('');
  await messages.fill(`big ${'x'.repeat(1_000_001)}`);
  await expect(messages).toHaveAttribute('aria-invalid', 'true');
  await expect(messages).toHaveAccessibleDescription(/Line 1 is 1000004 bytes; a message is at most 1000000 bytes/);
  await send.click();
  await expect(messages).toHaveAccessibleDescription(/at most 1000000 bytes/);
  await saveScreenshot(page, 'error-oversized-message');

  // Nothing reached Kafka, and nothing appeared in the lanes or the results list.
  expect(await logEndOffsets(admin, 'bad-input')).toEqual([0, 0, 0]);
  expect(await laneCells(page, 3)).toEqual([[], [], []]);
  await expect(page.getByRole('list', { name: 'Sent messages, newest first' })).toHaveCount(0);
});
