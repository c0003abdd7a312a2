/**
 * What a connection will write next: chunks in order, where a chunk that starts right where the one
 * before it ended, in the same memory, extends it rather than adding another (answers encoded one
 * after another into the Writer's arena), and the callbacks to run once all of it is written.
 */
export class OutgoingChunks {
  private chunks: Buffer[] = [];
  private callbacks: (() => void)[] = [];
  /** The last chunk, as a run that may still grow; made into a Buffer only when it is done. */
  private run: Buffer | null = null;
  private runEnd = 0;

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    const run = this.run;
    if (run !== null && chunk.buffer === run.buffer && chunk.byteOffset === this.runEnd) {
      this.runEnd += chunk.length;
      return;
    }
    this.endRun();
    this.run = chunk;
    this.runEnd = chunk.byteOffset + chunk.length;
  }

  get isEmpty(): boolean {
    return this.run === null && this.chunks.length === 0 && this.callbacks.length === 0;
  }

  afterWrite(callback: () => void): void {
    this.callbacks.push(callback);
  }

  /** Everything added since the last take, and one callback for all the callbacks (if any). */
  take(): { chunks: Buffer[]; written: (() => void) | undefined } {
    this.endRun();
    const chunks = this.chunks;
    const callbacks = this.callbacks;
    this.chunks = [];
    this.callbacks = [];
    return { chunks, written: callbacks.length === 0 ? undefined : () => runEach(callbacks) };
  }

  private endRun(): void {
    const run = this.run;
    if (run === null) return;
    const length = this.runEnd - run.byteOffset;
    this.chunks.push(length === run.length ? run : Buffer.from(run.buffer, run.byteOffset, length));
    this.run = null;
  }
}

function runEach(callbacks: readonly (() => void)[]): void {
  for (const callback of callbacks) callback();
}
