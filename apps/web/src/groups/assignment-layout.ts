import { linkHorizontal } from 'd3-shape';
import type { TopicPartition } from '@lanes/events';

/** One member row of the assignment diagram: present members, plus departed ones while their lines fade. */
export interface DiagramMember {
  key: string;
  departed: boolean;
}

export interface DiagramLink {
  id: string;
  member: string;
  partition: TopicPartition;
  path: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  rowHeight: number;
  memberY: Map<string, number>;
  partitionY: Map<string, number>;
  /** x of the member dots and of the partition dots. */
  memberX: number;
  partitionX: number;
}

const PADDING = 8;

export const partitionId = (tp: TopicPartition) => `${tp.topic}\u0000${tp.partition}`;

/**
 * Members on the left, partitions on the right, each column spread over the same height so the
 * lines between them stay readable from one partition to 64 (rows shrink past 16).
 */
export function diagramLayout(members: readonly DiagramMember[], partitions: readonly TopicPartition[], width: number): DiagramLayout {
  const rows = Math.max(members.length, partitions.length, 1);
  const rowHeight = rows > 32 ? 10 : rows > 16 ? 14 : 22;
  const height = rows * rowHeight + PADDING * 2;
  const column = (count: number) => (index: number) => PADDING + ((index + 0.5) * (height - PADDING * 2)) / Math.max(count, 1);
  const memberAt = column(members.length);
  const partitionAt = column(partitions.length);
  return {
    width,
    height,
    rowHeight,
    memberY: new Map(members.map((member, index) => [member.key, memberAt(index)])),
    partitionY: new Map(partitions.map((tp, index) => [partitionId(tp), partitionAt(index)])),
    memberX: Math.min(96, width * 0.35),
    partitionX: width - Math.min(72, width * 0.25),
  };
}

const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();

/** A line per owned partition; partitions the diagram does not show (another topic) are left out. */
export function diagramLinks(layout: DiagramLayout, assignments: ReadonlyMap<string, readonly TopicPartition[]>): DiagramLink[] {
  const links: DiagramLink[] = [];
  for (const [member, owned] of assignments) {
    const y1 = layout.memberY.get(member);
    if (y1 === undefined) continue;
    for (const tp of owned) {
      const y2 = layout.partitionY.get(partitionId(tp));
      if (y2 === undefined) continue;
      links.push({ id: `${member}\u0000${partitionId(tp)}`, member, partition: tp, path: link({ source: [layout.memberX, y1], target: [layout.partitionX, y2] }) ?? '' });
    }
  }
  return links;
}
