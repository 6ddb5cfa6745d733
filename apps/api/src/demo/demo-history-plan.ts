import { beijingDay } from '@tongban/core';
import { isWorkingDay, type WorkingCalendar } from '@tongban/workflow';
import { demoIdNumber } from './demo-data';
import {
  type DemoGap,
  type DemoHall,
  type DemoItemKind,
  type DemoStep,
  type DemoStory,
  type DemoTimeOfDay,
} from './demo-history-data';

/** An item a hall may take in, as the plan needs it. */
export interface DemoMenuItem {
  code: string;
  kind: DemoItemKind;
  /** Promised working days; 0 on the spot. */
  promisedDays: number;
  department: string;
}

export interface PlannedStep {
  step: DemoStep;
  at: Date;
}

export interface PlannedApplication {
  story: string;
  hall: DemoHall;
  itemCode: string;
  intakeKey: string;
  applicant: { name: string; idNumber: string; phone: string | null };
  steps: PlannedStep[];
}

/**
 * How far back the history goes, in working days: about thirteen months, so that last month
 * has a year-before to compare with and the charts show a whole year.
 */
export const HISTORY_WORKING_DAYS = 270;

/**
 * How busy a hall is in each month (January first), relative: fewer applications around the
 * Spring Festival (February) and the National Day holidays (October), more when the year's
 * business starts (March) and before it closes (December).
 */
export const SEASON = [1.0, 0.6, 1.25, 1.1, 1.0, 1.0, 0.9, 0.9, 1.1, 0.8, 1.0, 1.15];
const BUSIEST = Math.max(...SEASON);

/**
 * Every application of the stories with the moment of each step: deterministic (a seeded
 * generator) relative to `now`, so the demo looks the same each day; every moment in the
 * months before today, in business hours of working days unless the story says otherwise,
 * each after the one before.
 */
export function planDemoHistory(input: {
  now: Date;
  calendar: WorkingCalendar;
  halls: readonly DemoHall[];
  stories: readonly DemoStory[];
  menus: ReadonlyMap<string, readonly DemoMenuItem[]>;
  /** Scales every story's count (a smaller demo), at least one each where any. */
  scale?: number;
}): PlannedApplication[] {
  const random = seededRandom(20261127);
  const days = workingDaysBefore(input.calendar, beijingDay(input.now), HISTORY_WORKING_DAYS);
  const planned: PlannedApplication[] = [];
  for (const story of input.stories) {
    for (const hall of input.halls) {
      const wanted = story.perHall[hall.key] ?? 0;
      const count = wanted && Math.max(1, Math.round(wanted * (input.scale ?? 1)));
      const items = (input.menus.get(hall.key) ?? []).filter((item) => fits(item, story.item));
      if (count && items.length === 0) {
        throw new Error(`Demo history: ${hall.key} has no ${story.item} item for “${story.name}”`);
      }
      for (let n = 0; n < count; n++) {
        const item = items[Math.floor(random() * items.length)];
        const draws = story.steps.map(() => random());
        const gaps = story.steps.map((step, k) =>
          k === 0 || !('after' in step) ? 0 : gapDays(step.after, item.promisedDays, random()),
        );
        const span = gaps.reduce((sum, gap) => sum + gap, 0);
        const last = days.length - 1;
        let start = story.idle
          ? last - gapDays(story.idle, item.promisedDays, random()) - span
          : seasonalStart(days, Math.max(1, last - span + 1), random);
        let steps = place(days, input.calendar, story.steps, gaps, draws, Math.max(0, start));
        // A step pushed to a later day (no room left that day) may run past yesterday: start
        // earlier by as much.
        while (typeof steps === 'number' && start > 0) {
          start = Math.max(0, start - steps);
          steps = place(days, input.calendar, story.steps, gaps, draws, start);
        }
        if (typeof steps === 'number') {
          throw new Error(`Demo history: “${story.name}” does not fit in the months shown`);
        }
        planned.push({
          story: story.name,
          hall,
          itemCode: item.code,
          intakeKey: `demo-history-${hall.key}-${planned.length + 1}`,
          applicant: applicant(random),
          steps,
        });
      }
    }
  }
  return planned;
}

/** A first day among the first `limit` days, more likely in a busier month (SEASON). */
function seasonalStart(days: readonly string[], limit: number, random: () => number): number {
  for (;;) {
    const start = Math.floor(random() * limit);
    const month = Number(days[start].slice(5, 7)) - 1;
    if (random() * BUSIEST < SEASON[month]) return start;
  }
}

/** An item a township decides is, at its station, one taken in only, too. */
function fits(item: DemoMenuItem, kind: DemoItemKind): boolean {
  return item.kind === kind || (kind === 'intakeOnly' && item.kind === 'forTownship');
}

/** Mulberry32: a small seeded generator, the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `count` working days before `today` (not included), oldest first. */
export function workingDaysBefore(
  calendar: WorkingCalendar,
  today: string,
  count: number,
): string[] {
  const days: string[] = [];
  let day = today;
  while (days.length < count) {
    day = shiftDay(day, -1);
    if (isWorkingDay(calendar, day)) days.unshift(day);
  }
  return days;
}

function gapDays(gap: DemoGap, promisedDays: number, draw: number): number {
  if (typeof gap === 'number') return gap;
  if (Array.isArray(gap)) return gap[0] + Math.floor(draw * (gap[1] - gap[0] + 1));
  return Math.floor(gap.share * promisedDays) + (gap.plus ?? 0);
}

// Minutes after midnight, Beijing time.
const OPENS = 8 * 60 + 40;
const LUNCH = 11 * 60 + 50;
const REOPENS = 14 * 60 + 40;
const LAST_ACT = 17 * 60 + 20;
const EVENING = 18 * 60;

/**
 * The moments of a story's steps from working day `start` on, or how many days too late the
 * last one would fall.
 */
function place(
  days: readonly string[],
  calendar: WorkingCalendar,
  steps: readonly DemoStep[],
  gaps: readonly number[],
  draws: readonly number[],
  start: number,
): PlannedStep[] | number {
  const placed: PlannedStep[] = [];
  let index = start;
  let previous: { day: string; minutes: number } | null = null;
  for (const [k, step] of steps.entries()) {
    index += gaps[k];
    const at: DemoTimeOfDay = ('at' in step && step.at) || 'hours';
    for (;;) {
      if (index >= days.length) return index - days.length + 1;
      const day = at === 'weekend' ? dayOffBefore(calendar, days[index]) : days[index];
      const minutes = minutesOn(day, at, draws[k], previous);
      if (minutes !== null && (!previous || day > previous.day || minutes > previous.minutes)) {
        previous = { day, minutes };
        placed.push({ step, at: beijingMoment(day, minutes) });
        break;
      }
      index += 1; // no room left that day: the next working day
    }
  }
  return placed;
}

/** When on `day` a step happens; null when the day has no business hours left for it. */
function minutesOn(
  day: string,
  at: DemoTimeOfDay,
  draw: number,
  previous: { day: string; minutes: number } | null,
): number | null {
  let minutes: number;
  if (previous?.day === day) {
    minutes = previous.minutes + 10 + Math.floor(draw * 50);
  } else if (at === 'evening') {
    minutes = EVENING + 5 + Math.floor(draw * 60);
  } else if (at === 'weekend') {
    minutes = 9 * 60 + 30 + Math.floor(draw * 120);
  } else {
    // Mornings are busier than afternoons in a hall.
    const morning = LUNCH - OPENS;
    const span = morning + (LAST_ACT - REOPENS);
    const offset = Math.floor(draw * span);
    minutes = offset < morning ? OPENS + offset : REOPENS + offset - morning;
  }
  if (at !== 'hours') return minutes;
  if (minutes > LUNCH && minutes < REOPENS) minutes = REOPENS + (minutes - LUNCH) / 4;
  return minutes <= LAST_ACT ? Math.floor(minutes) : null;
}

/** The nearest day off before a working day (a weekend, mostly): the weekend service. */
function dayOffBefore(calendar: WorkingCalendar, day: string): string {
  let before = shiftDay(day, -1);
  while (isWorkingDay(calendar, before)) before = shiftDay(before, -1);
  return before;
}

function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

function beijingMoment(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000);
}

const SURNAMES = '韦覃蓝莫黄李张王刘陈梁罗廖吴何潘欧谢周杨'.split('');
const GIVEN = [
  '伟',
  '芳',
  '秀英',
  '志强',
  '桂英',
  '丽',
  '明',
  '海燕',
  '建华',
  '春花',
  '玉兰',
  '金凤',
  '国庆',
  '小军',
  '红梅',
  '永福',
  '家豪',
  '美玲',
  '德胜',
  '文杰',
  '秀珍',
  '光明',
  '雪梅',
  '成',
];
const MOBILE_PREFIXES = ['138', '139', '158', '177', '186', '188', '135', '151'];

function applicant(random: () => number): PlannedApplication['applicant'] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const year = 1945 + Math.floor(random() * 60);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(random() * 1000)).padStart(3, '0');
  const digits = String(Math.floor(random() * 1e8)).padStart(8, '0');
  return {
    name: pick(SURNAMES) + pick(GIVEN),
    idNumber: demoIdNumber(`${year}${month}${day}`, sequence),
    // Some older villagers give no phone.
    phone: year < 1955 && random() < 0.5 ? null : pick(MOBILE_PREFIXES) + digits,
  };
}
