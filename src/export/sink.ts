/**
 * Where an export writes: a Node Writable (an HTTP response, a file) behind a small buffer. Writers
 * push text synchronously (the XML and CSV libraries call back with chunks) and await `flush()`
 * between rows, which waits for 'drain' when the Writable is full: a slow reader slows the
 * database read, so an export never holds more than a few rows in memory.
 */
import type { Writable } from 'node:stream';

export class Sink {
  private chunks: string[] = [];
  private size = 0;
  /** Bytes handed to the Writable so far. */
  bytes = 0;

  /** `beforeFirstByte` runs once, just before the first write (an HTTP route sends its headers then). */
  constructor(private readonly out: Writable, private beforeFirstByte?: () => void) {}

  /** Queues text (call flush() soon after). */
  push(text: string): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    this.size += text.length;
  }

  /** Writes what is queued once there is enough of it (or always, with `force`), waiting for 'drain'. */
  async flush(force = false): Promise<void> {
    if (this.chunks.length === 0 || (!force && this.size < 16_384)) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    const buf = Buffer.from(text, 'utf8');
    this.bytes += buf.length;
    if (this.out.destroyed) throw new Error('the export reader went away');
    this.beforeFirstByte?.();
    this.beforeFirstByte = undefined;
    if (!this.out.write(buf)) {
      await new Promise<void>((resolve, reject) => {
        const done = (err?: Error) => {
          this.out.off('drain', ok);
          this.out.off('close', closed);
          this.out.off('error', done);
          if (err) reject(err);
          else resolve();
        };
        const ok = () => done();
        const closed = () => done(new Error('the export reader went away'));
        this.out.once('drain', ok);
        this.out.once('close', closed);
        this.out.once('error', done);
      });
    }
  }
}
