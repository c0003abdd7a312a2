import { describe, expect, it } from 'vitest';
import { ResponseQueue } from './response-queue';

function response(text: string): Buffer[] {
  return [Buffer.from(text)];
}

function recordingQueue() {
  const written: string[] = [];
  const queue = new ResponseQueue<Buffer[]>({ writeResponse: (chunks) => written.push(Buffer.concat(chunks).toString()) });
  return { written, queue };
}

describe('ResponseQueue', () => {
  it('writes responses in request order when handlers finish out of order', () => {
    const { written, queue } = recordingQueue();
    const [a, b, c] = [queue.reserve(), queue.reserve(), queue.reserve()];
    c(response('c'));
    b(response('b'));
    expect(written).toEqual([]);
    expect(queue.waiting).toBe(3);
    a(response('a'));
    expect(written).toEqual(['a', 'b', 'c']);
    expect(queue.waiting).toBe(0);
  });

  it('writes a response as soon as everything before it has been written', () => {
    const { written, queue } = recordingQueue();
    const a = queue.reserve();
    const b = queue.reserve();
    a(response('a'));
    expect(written).toEqual(['a']);
    expect(queue.waiting).toBe(1);
    b(response('b'));
    expect(written).toEqual(['a', 'b']);
  });

  it('skips null responses (acks=0) without holding up the ones behind them', () => {
    const { written, queue } = recordingQueue();
    const a = queue.reserve();
    const none = queue.reserve();
    const c = queue.reserve();
    c(response('c'));
    none(null);
    expect(written).toEqual([]);
    a(response('a'));
    expect(written).toEqual(['a', 'c']);
    expect(queue.waiting).toBe(0);
  });

  it('passes every chunk of a multi-chunk response through together', () => {
    const chunks: Buffer[][] = [];
    const queue = new ResponseQueue<Buffer[]>({ writeResponse: (c) => chunks.push(c) });
    queue.reserve()([Buffer.from('size'), Buffer.from('header'), Buffer.from('body')]);
    expect(chunks).toEqual([[Buffer.from('size'), Buffer.from('header'), Buffer.from('body')]]);
  });

  it('keeps order across a long run of interleaved completions', () => {
    const { written, queue } = recordingQueue();
    const slots = Array.from({ length: 100 }, () => queue.reserve());
    // Complete odd slots first, then even ones from last to first.
    for (let i = 1; i < 100; i += 2) slots[i]!(response(String(i)));
    for (let i = 98; i >= 0; i -= 2) slots[i]!(response(String(i)));
    expect(written).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
  });

  it('writes a ready response at once when nothing waits ahead of it, and behind what does otherwise', () => {
    const { written, queue } = recordingQueue();
    queue.ready(response('now'));
    queue.ready(null);
    expect(written).toEqual(['now']);
    expect(queue.waiting).toBe(0);
    const parked = queue.reserve();
    queue.ready(response('after'));
    expect(written).toEqual(['now']);
    expect(queue.waiting).toBe(2);
    parked(response('parked'));
    expect(written).toEqual(['now', 'parked', 'after']);
    expect(queue.waiting).toBe(0);
  });
});
