import { expect, type Locator, type Page } from '@playwright/test';

/** A member row of a group card, as a person reads it. */
export interface MemberRowView {
  /** The gateway's handle, "c1". */
  name: string;
  clientId: string;
  /** The badge: active, idle, crashed, joining, ... */
  status: string;
  /** Assigned partitions as shown: [0, 1]. */
  partitions: number[];
}

/** The card of one consumer group in the right-hand panel. */
export function groupCard(page: Page, groupId: string): Locator {
  return page.getByRole('article', { name: groupId });
}

export function memberList(page: Page, groupId: string): Locator {
  return groupCard(page, groupId).getByRole('list', { name: `Members of ${groupId}` });
}

/** The row of member `name` ("c2"). */
export function memberRow(page: Page, groupId: string, name: string): Locator {
  return memberList(page, groupId)
    .getByRole('listitem')
    .filter({ has: page.locator('.member-name', { hasText: new RegExp(`^${name}$`) }) });
}

/** Every member row of a group, read from the screen. */
export async function memberRows(page: Page, groupId: string): Promise<MemberRowView[]> {
  return memberList(page, groupId)
    .locator(':scope > li')
    .evaluateAll((items) =>
      items.map((item) => {
        const text = (selector: string) => item.querySelector(selector)?.textContent?.trim() ?? '';
        const chips = [...item.querySelectorAll('.chips .chip')].map((chip) => Number(chip.textContent?.replace(/^P/, '')));
        return { name: text('.member-name'), clientId: text('.member-client'), status: text('.status-badge'), partitions: chips };
      }),
    );
}

/** The generation the card shows ("generation 3"). */
export async function shownGeneration(page: Page, groupId: string): Promise<number> {
  const text = await groupCard(page, groupId).locator('.phase-line').innerText();
  const match = /generation (\d+)/.exec(text);
  if (!match) throw new Error(`The group card shows '${text}', with no generation.`);
  return Number(match[1]);
}

/**
 * Waits until the card shows a stable group of `count` members, none joining, in a generation
 * after `afterGeneration`, and returns its rows.
 */
export async function waitForStableGroup(page: Page, groupId: string, count: number, afterGeneration = 0, timeout = 20_000): Promise<MemberRowView[]> {
  const card = groupCard(page, groupId);
  await expect
    .poll(
      async () => {
        const rows = await memberRows(page, groupId);
        const phase = (await card.locator('.phase.current').first().textContent()) ?? '';
        const generation = await shownGeneration(page, groupId);
        const settled = rows.length === count && phase === 'stable' && generation > afterGeneration && rows.every((row) => row.status === 'active' || row.status === 'idle');
        return settled ? 'stable' : `${rows.length} members (${rows.map((r) => `${r.name}:${r.status}`).join(' ')}), phase ${phase}, generation ${generation}`;
      },
      { timeout, message: `group ${groupId} stable with ${count} members after generation ${afterGeneration}` },
    )
    .toBe('stable');
  return memberRows(page, groupId);
}
