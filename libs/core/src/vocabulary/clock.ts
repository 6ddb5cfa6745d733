/**
 * The time, injected (a rule that reads "today" is tested on both sides of midnight with a
 * fixed clock instead of whenever the suite happens to run).
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that always says `instant` (tests). */
export class FixedClock extends Clock {
  constructor(private readonly instant: Date) {
    super();
  }
  now(): Date {
    return new Date(this.instant.getTime());
  }
}

/**
 * The system's time shifted by an offset read when asked (an API process under test, whose
 * test moves its clock forward instead of waiting).
 */
export class ShiftedClock extends Clock {
  constructor(private readonly offsetMs: () => number) {
    super();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }
}

/** China has one time zone (Asia/Shanghai, UTC+8) and no daylight saving time. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Beijing of an instant, as YYYY-MM-DD: a clerk's "today". */
export function beijingDay(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
