import { NATIONAL_SCHEDULE } from './national-schedule';
import { REGIONAL_SCHEDULES } from './regional-schedules';
import { composeCalendar, layersFor } from './working-calendar';

/** 柳城县 (Guangxi) and 北京市东城区: the same national schedule, one with 壮族三月三. */
export const LIUCHENG = '450222';
export const DONGCHENG = '110101';

export const guangxiCalendar = composeCalendar(
  layersFor(LIUCHENG, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES),
);
export const nationalCalendar = composeCalendar(
  layersFor(DONGCHENG, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES),
);

/** A small seeded PRNG (mulberry32) for property tests: the same cases on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
