import {
  composeCalendar,
  DEFAULT_BUSINESS_HOURS,
  isWorkingDay,
  isWorkingTime,
  layersFor,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
} from '@tongban/workflow';
import { DEMO_HISTORY_HALLS, DEMO_STORIES } from './demo-history-data';
import { type DemoMenuItem, planDemoHistory } from './demo-history-plan';

const calendar = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
const menu: DemoMenuItem[] = [
  { code: 'H5', kind: 'handled', promisedDays: 5, department: '县民政局' },
  { code: 'H20', kind: 'handled', promisedDays: 20, department: '县民政局' },
  { code: 'H1', kind: 'handled', promisedDays: 1, department: '县民政局' },
  { code: 'S', kind: 'onTheSpot', promisedDays: 0, department: '县民政局' },
  { code: 'I', kind: 'intakeOnly', promisedDays: 10, department: '县民政局' },
  { code: 'T', kind: 'forTownship', promisedDays: 10, department: '县民政局' },
];
const menus = new Map(DEMO_HISTORY_HALLS.map((hall) => [hall.key, menu]));
// A Thursday in the middle of the afternoon, Beijing time; the 2026 calendar is shipped.
const now = new Date('2026-12-03T07:00:00Z');
const plan = (scale?: number, at = now) =>
  planDemoHistory({
    now: at,
    calendar,
    halls: DEMO_HISTORY_HALLS,
    stories: DEMO_STORIES,
    menus,
    scale,
  });
const beijingDay = (moment: Date) =>
  new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const minutesOfDay = (moment: Date) => {
  const beijing = new Date(moment.getTime() + 8 * 3_600_000);
  return beijing.getUTCHours() * 60 + beijing.getUTCMinutes();
};

describe('the demo history plan', () => {
  const planned = plan();

  it('has a few hundred applications, each story as often as its halls say', () => {
    const wanted = DEMO_STORIES.flatMap((story) => Object.values(story.perHall) as number[]);
    expect(planned).toHaveLength(wanted.reduce((sum, n) => sum + n, 0));
    expect(planned.length).toBeGreaterThanOrEqual(250);
    expect(planned.length).toBeLessThanOrEqual(360);
    for (const story of DEMO_STORIES) {
      expect(planned.filter((p) => p.story === story.name).length).toBe(
        Object.values(story.perHall).reduce((sum, n) => sum! + n!, 0),
      );
    }
    expect(new Set(planned.map((p) => p.intakeKey)).size).toBe(planned.length);
  });

  it('is the same on every run for the same day', () => {
    expect(plan()).toEqual(planned);
  });

  it('places every step in the thirteen months before today, each after the one before', () => {
    const earliest = new Date(now.getTime() - 420 * 86_400_000);
    for (const application of planned) {
      const moments = application.steps.map((step) => step.at.getTime());
      expect(moments).toEqual([...moments].sort((a, b) => a - b));
      expect(new Set(moments).size).toBe(moments.length);
      for (const moment of moments) {
        expect(beijingDay(new Date(moment)) < beijingDay(now)).toBe(true);
        expect(moment).toBeGreaterThan(earliest.getTime());
      }
    }
    // Spread over the months, not bunched up at the end.
    const firstIntake = Math.min(...planned.map((p) => p.steps[0].at.getTime()));
    expect(now.getTime() - firstIntake).toBeGreaterThan(365 * 86_400_000);
  });

  it('is busier in March than around the Spring Festival, as the seasons say', () => {
    const intakes = (month: string) =>
      planned.filter((p) => beijingDay(p.steps[0].at).slice(5, 7) === month).length;
    expect(intakes('03')).toBeGreaterThan(intakes('02') * 1.4);
    expect(intakes('12') + intakes('11')).toBeGreaterThan(0);
  });

  it('acts in business hours of working days, except after hours and at the weekend service', () => {
    for (const { step, at } of planned.flatMap((p) => p.steps)) {
      const when = 'at' in step ? step.at : undefined;
      if (when === 'evening') {
        expect(isWorkingDay(calendar, beijingDay(at))).toBe(true);
        expect(minutesOfDay(at)).toBeGreaterThanOrEqual(17 * 60 + 30);
      } else if (when === 'weekend') {
        expect(isWorkingDay(calendar, beijingDay(at))).toBe(false);
      } else {
        expect(isWorkingTime(calendar, DEFAULT_BUSINESS_HOURS, at)).toBe(true);
      }
    }
    expect(
      planned.some((p) => p.steps.some((s) => 'at' in s.step && s.step.at === 'weekend')),
    ).toBe(true);
  });

  it('takes in only items the story needs, with valid applicants', () => {
    for (const application of planned) {
      const story = DEMO_STORIES.find((s) => s.name === application.story)!;
      const kind = menu.find((item) => item.code === application.itemCode)!.kind;
      // What a township decides is taken in only at its stations, too.
      if (story.item === 'intakeOnly') expect(['intakeOnly', 'forTownship']).toContain(kind);
      else expect(kind).toBe(story.item);
      expect(application.applicant.idNumber).toMatch(/^450222\d{11}[\dX]$/);
    }
  });

  it('ends open stories recently and scales down with every story kept', () => {
    const open = planned.filter((p) => p.story === 'waiting for acceptance');
    for (const application of open) {
      const age = now.getTime() - application.steps.at(-1)!.at.getTime();
      expect(age).toBeLessThan(10 * 86_400_000);
    }
    const smaller = plan(0.6);
    expect(smaller.length).toBeLessThan(planned.length * 0.7);
    expect(new Set(smaller.map((p) => p.story))).toEqual(new Set(DEMO_STORIES.map((s) => s.name)));
  });

  it('refuses a hall without an item a story needs', () => {
    const noSpot = new Map(
      DEMO_HISTORY_HALLS.map((hall) => [hall.key, menu.filter((i) => i.kind !== 'onTheSpot')]),
    );
    expect(() =>
      planDemoHistory({
        now,
        calendar,
        halls: DEMO_HISTORY_HALLS,
        stories: DEMO_STORIES,
        menus: noSpot,
      }),
    ).toThrow(/no onTheSpot item/);
  });
});
