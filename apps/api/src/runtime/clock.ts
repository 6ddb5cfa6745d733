import { readFileSync, statSync } from 'node:fs';
import { Clock, ShiftedClock, SystemClock } from '@tongban/core';
import type { Configuration } from '../config/configuration';

/**
 * The clock of this process: the system's, or under test (TEST_CLOCK_FILE, NODE_ENV=test only)
 * the system's shifted by the offset the test last wrote, so a test moves time forward (a
 * deadline passing, a sweep raising a card) without sleeping. Read again when the file changes.
 */
export function clockFor(config: Pick<Configuration, 'TEST_CLOCK_FILE'>): Clock {
  const file = config.TEST_CLOCK_FILE;
  if (!file) return new SystemClock();
  let seen = { mtimeMs: -1, offsetMs: 0 };
  return new ShiftedClock(() => {
    try {
      const { mtimeMs } = statSync(file);
      if (mtimeMs !== seen.mtimeMs) {
        const { offsetMs } = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number };
        seen = { mtimeMs, offsetMs: Number.isFinite(offsetMs) ? offsetMs : 0 };
      }
    } catch {
      seen = { mtimeMs: -1, offsetMs: 0 };
    }
    return seen.offsetMs;
  });
}
