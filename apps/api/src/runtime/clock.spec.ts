import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@tongban/core';
import { clockFor } from './clock';

describe('the clock of an API process', () => {
  it('is the system clock unless a test file shifts it', () => {
    expect(clockFor({})).toBeInstanceOf(SystemClock);
  });

  it('runs ahead by the offset a test last wrote, and reads the file again when it changes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'clock.json');
    const clock = clockFor({ TEST_CLOCK_FILE: file });
    // No file yet: the system's time.
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    const day = 24 * 3600 * 1000;
    writeFileSync(file, JSON.stringify({ offsetMs: 3 * day }));
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * day - 1000);
    writeFileSync(file, JSON.stringify({ offsetMs: 10 * day }));
    // A new write within the same millisecond keeps its mtime; make sure it differs.
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(10 * day - 1000);
  });
});
