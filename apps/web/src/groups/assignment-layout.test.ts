import { describe, expect, it } from 'vitest';
import { diagramLayout, diagramLinks, partitionId } from './assignment-layout';

const p = (...partitions: number[]) => partitions.map((partition) => ({ topic: 't', partition }));

describe('assignment diagram layout', () => {
  it('spreads members and partitions over the same height, top to bottom', () => {
    const layout = diagramLayout([{ key: 'c1', departed: false }, { key: 'c2', departed: false }], p(0, 1, 2, 3), 300);
    const [top, bottom] = [layout.memberY.get('c1')!, layout.memberY.get('c2')!];
    expect(top).toBeLessThan(bottom);
    expect(layout.partitionY.get(partitionId({ topic: 't', partition: 0 }))!).toBeLessThan(top);
    expect(bottom).toBeLessThan(layout.height);
    expect(layout.memberX).toBeLessThan(layout.partitionX);
  });

  it('keeps 64 partitions within a panel-sized height', () => {
    const layout = diagramLayout([{ key: 'c1', departed: false }], p(...Array.from({ length: 64 }, (_, i) => i)), 300);
    expect(layout.height).toBeLessThanOrEqual(700);
  });

  it('draws one line per owned partition it shows, from the member to the partition', () => {
    const layout = diagramLayout([{ key: 'c1', departed: false }], p(0, 1), 300);
    const links = diagramLinks(layout, new Map([['c1', [...p(0, 1), { topic: 'other', partition: 0 }]], ['ghost', p(0)]]));
    expect(links.map((l) => l.partition.partition)).toEqual([0, 1]);
    expect(links[0]!.path).toMatch(/^M\d/);
  });
});
