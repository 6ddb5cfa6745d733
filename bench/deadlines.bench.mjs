#!/usr/bin/env node
// What computing deadlines costs (issue 11): 100,000 deadlines by the rules of DESIGN.md §4.2
// (Guangxi's calendar: national holidays with their make-up days and 壮族三月三; the default
// business hours; acceptances at random moments of 2024–2026, limits of 1–20 working days, one
// in four with a pause and one in eight with an extension), against a baseline computed in the
// same run on the same inputs: the same count of working days by the weekday rule alone, in a
// plain loop over Date (what counting would cost without a calendar). Not a test: it prints the
// figures and exits 0, or 1 when the two disagree where they must (a deadline before day 0).
//
//   NX_DAEMON=false npx nx run api:build && node bench/deadlines.bench.mjs
//   node bench/deadlines.bench.mjs --count 100000 --rounds 5 --json out.json
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = join(import.meta.dirname, '..', 'dist', 'api', 'libs', 'workflow', 'src');
const { deadline } = require(join(dist, 'calendar', 'deadline.js'));
const { composeCalendar, layersFor } = require(join(dist, 'calendar', 'working-calendar.js'));
const { NATIONAL_SCHEDULE } = require(join(dist, 'calendar', 'national-schedule.js'));
const { REGIONAL_SCHEDULES } = require(join(dist, 'calendar', 'regional-schedules.js'));
const { DEFAULT_BUSINESS_HOURS } = require(join(dist, 'calendar', 'business-hours.js'));

const args = process.argv.slice(2);
const flag = (name, fallback, max) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} is a whole number from 1 to ${max}`);
    process.exit(1);
  }
  return value;
};
const count = flag('count', 100_000, 1_000_000);
const rounds = flag('rounds', 3, 10);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;

// A small seeded PRNG (mulberry32): the same inputs on every run.
let state = 20261202;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const calendar = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
const hours = DEFAULT_BUSINESS_HOURS;
const from = Date.parse('2024-01-02T00:00:00+08:00');
// Late enough in 2026 that no deadline runs into 2027 (not published).
const span = Date.parse('2026-10-01T00:00:00+08:00') - from;
const DAY = 86_400_000;
const inputs = Array.from({ length: count }, () => {
  const acceptedAt = new Date(from + Math.floor(random() * span));
  const days = 1 + Math.floor(random() * 20);
  const pauses =
    random() < 0.25
      ? [
          {
            from: new Date(acceptedAt.getTime() + DAY * (1 + Math.floor(random() * 5))),
            to: new Date(acceptedAt.getTime() + DAY * (6 + Math.floor(random() * 5))),
          },
        ]
      : [];
  const extension = random() < 0.125 ? 1 + Math.floor(random() * 10) : 0;
  return { acceptedAt, days, pauses, extension };
});

/** Baseline: close of business of the n-th Monday–Friday after the acceptance day (Beijing). */
function weekdaysOnly(input) {
  const beijing = new Date(input.acceptedAt.getTime() + 8 * 3_600_000);
  let day = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate());
  for (let counted = 0; counted < input.days + input.extension; ) {
    day += DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted++;
  }
  return new Date(day + 9.5 * 3_600_000); // 17:30 Beijing
}

function rulesOfTheWork(input) {
  return deadline(calendar, hours, input.acceptedAt, input.days, input.pauses, input.extension);
}

function time(compute) {
  const started = process.hrtime.bigint();
  let checksum = 0;
  for (const input of inputs) checksum += compute(input).getTime() % 997;
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, checksum };
}

// Each deadline lies after its acceptance (both ways of counting).
for (const input of inputs.slice(0, 1000)) {
  for (const compute of [weekdaysOnly, rulesOfTheWork]) {
    if (compute(input).getTime() <= input.acceptedAt.getTime()) {
      console.error('a deadline before its acceptance:', input);
      process.exit(1);
    }
  }
}

const results = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which side goes first.
  const sides = round % 2 === 0 ? ['baseline', 'tongban'] : ['tongban', 'baseline'];
  const measured = {};
  for (const side of sides) {
    measured[side] = time(side === 'baseline' ? weekdaysOnly : rulesOfTheWork);
  }
  results.push({
    round: round + 1,
    baselineMs: measured.baseline.ms,
    tongbanMs: measured.tongban.ms,
    ratio: measured.tongban.ms / measured.baseline.ms,
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = {
  count,
  rounds,
  node: process.version,
  baselineMs: median(results.map((r) => r.baselineMs)),
  tongbanMs: median(results.map((r) => r.tongbanMs)),
  ratio: median(results.map((r) => r.ratio)),
  perDeadlineMicros: (median(results.map((r) => r.tongbanMs)) * 1000) / count,
  results,
};
console.log(
  `${count} deadlines, median of ${rounds} rounds: rules of the work ${summary.tongbanMs.toFixed(1)} ms ` +
    `(${summary.perDeadlineMicros.toFixed(2)} µs each), weekdays-only baseline ` +
    `${summary.baselineMs.toFixed(1)} ms; ratio ${summary.ratio.toFixed(2)}×`,
);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(summary, null, 2));
