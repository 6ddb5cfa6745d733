import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The clock of an API process under test (TEST_CLOCK_FILE): start the API with `env`, then
 * move its time forward with `advance` instead of sleeping.
 */
export class TestClock {
  readonly file = join(mkdtempSync(join(tmpdir(), 'tongban-clock-')), 'clock.json');
  private offsetMs = 0;
  private writes = 0;

  constructor() {
    this.write();
  }

  get env(): Record<string, string> {
    return { TEST_CLOCK_FILE: this.file };
  }

  /** What the API's clock reads now. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    this.write();
  }

  private write(): void {
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
    // A distinct modification time per write, so the API reads it again even within one tick.
    const stamp = new Date(Date.UTC(2000, 0, 1) + ++this.writes * 1000);
    utimesSync(this.file, stamp, stamp);
  }
}
