/**
 * One colour per member, the same on its partition chips and its assignment lines. Paul Tol's
 * "bright" scheme plus three from his "vibrant" one: distinct from each other under the common colour-blindnesses, and distinct in hue
 * from most key colours (lanes/key-colors.ts) so members are not mistaken for keys. The colour follows
 * the member's handle ("c3" is always the third colour), so it does not change when others leave.
 */
const MEMBER_PALETTE = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB', '#332288', '#EE7733', '#009988'] as const;

export function memberColor(memberKey: string): string {
  const digits = /(\d+)$/.exec(memberKey);
  const index = digits ? Number(digits[1]) - 1 : hash(memberKey);
  return MEMBER_PALETTE[((index % MEMBER_PALETTE.length) + MEMBER_PALETTE.length) % MEMBER_PALETTE.length]!;
}

function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(value);
}
