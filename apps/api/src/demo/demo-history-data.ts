import { ApplicationAction, PauseKind } from '@tongban/workflow';

/**
 * The demo's application history (issue 11 item 7) as data: the halls that take applications
 * in, and stories, each a list of steps one application goes through. The generator
 * (demo-history.ts) plays every step through the real services at the moment the plan gives
 * it, so a new path (e.g. 代办 forwarding) is a new story of a few lines.
 */

/** A hall window and the demo people who work it. */
export interface DemoHall {
  key: string;
  /** Division code of the hall's tenant. */
  tenant: string;
  window: string;
  /** Takes applications in and acts on them (a demo account allowed to at this window). */
  staff: string;
  /** Decides extensions (a center manager of the hall), if the demo has one. */
  manager: string | null;
  /** Only items of the competent departments matching this (the land window), if set. */
  department?: RegExp;
}

// 大埔镇 and four of the five stations are ONBOARDING in the demo (they wait for their first
// manager, which the onboarding walkthrough adds), so they take nothing in yet.
export const DEMO_HISTORY_HALLS: DemoHall[] = [
  { key: 'liucheng', tenant: '450222', window: 'C1', staff: 'liucheng.window', manager: null },
  {
    key: 'liucheng-land',
    tenant: '450222',
    window: '01',
    staff: 'liucheng.land',
    manager: null,
    department: /自然资源/,
  },
  {
    key: 'mashan',
    tenant: '450222203',
    window: 'C1',
    staff: 'mashan.manager',
    manager: 'mashan.manager',
  },
  {
    key: 'mashan-station',
    tenant: '450222203201',
    window: 'D1',
    staff: 'village.staff',
    manager: null,
  },
];

/**
 * Working days after the previous step: a number, a range [min, max], or a share of the
 * item's promised working days (rounded down) plus some more.
 */
export type DemoGap = number | [number, number] | { share: number; plus?: number };

/** When in the day a step happens: business hours unless said otherwise. */
export type DemoTimeOfDay = 'hours' | 'evening' | 'weekend';

export type DemoStep =
  | { act: 'SUBMIT'; at?: DemoTimeOfDay }
  | {
      act: ApplicationAction;
      after: DemoGap;
      at?: DemoTimeOfDay;
      /** 代办: acted on at the center the application was forwarded to, by its people. */
      by?: 'handler';
      reason?: string;
      procedure?: PauseKind;
      /** REQUEST_SUPPLEMENT: how many of the item's materials are missing. */
      missing?: number;
    }
  | {
      act: 'REQUEST_EXTENSION';
      after: DemoGap;
      workingDays: number;
      reason: string;
      by?: 'handler';
    }
  | { act: 'DECIDE_EXTENSION'; after: DemoGap; approve: boolean; note?: string; by?: 'handler' };

/**
 * What an item must be for the story: decided here (in days or on the spot), only taken in
 * for the county, or (at a station) taken in for its township, which decides it.
 */
export type DemoItemKind = 'handled' | 'onTheSpot' | 'intakeOnly' | 'forTownship';

export interface DemoStory {
  name: string;
  item: DemoItemKind;
  steps: DemoStep[];
  /**
   * Open stories end this many working days before today (their last step recent); closed
   * ones (no `idle`) lie anywhere in the months shown.
   */
  idle?: DemoGap;
  /** How many applications of the story each hall gets. */
  perHall: Partial<Record<string, number>>;
}

const A = ApplicationAction;
const submit: DemoStep = { act: 'SUBMIT' };
const accept: DemoStep = { act: A.ACCEPT, after: [0, 1] };
const review: DemoStep = { act: A.START_REVIEW, after: [0, 1] };
const approve: DemoStep = { act: A.APPROVE, after: { share: 0.5 } };
const deliver: DemoStep = { act: A.COMPLETE, after: { share: 0.3 } };
const forward: DemoStep = { act: A.FORWARD, after: 0 };

const REJECT_REASONS = [
  '申请事项不属于本中心受理范围，已告知向县市场监管局申请',
  '申请人不符合申请条件',
  '申请材料与申请事项不符，申请人决定另行申请',
];
const DENY_REASON = '经审查，申请不符合法定条件，依法不予许可';

export const DEMO_STORIES: DemoStory[] = [
  {
    name: 'on the spot',
    item: 'onTheSpot',
    steps: [submit, { act: A.COMPLETE_ON_THE_SPOT, after: 0 }],
    perHall: { liucheng: 32, 'liucheng-land': 4, mashan: 20 },
  },
  {
    name: 'completed on time',
    item: 'handled',
    steps: [submit, accept, review, approve, deliver],
    perHall: { liucheng: 40, 'liucheng-land': 16, mashan: 18 },
  },
  {
    name: 'taken in after hours, accepted the next morning',
    item: 'handled',
    steps: [
      { act: 'SUBMIT', at: 'evening' },
      { act: A.ACCEPT, after: 0, at: 'evening' },
      review,
      approve,
      deliver,
    ],
    perHall: { liucheng: 5, mashan: 2 },
  },
  {
    name: 'taken in and accepted at the weekend service',
    item: 'handled',
    steps: [
      { act: 'SUBMIT', at: 'weekend' },
      { act: A.ACCEPT, after: 0, at: 'weekend' },
      review,
      approve,
      deliver,
    ],
    perHall: { liucheng: 4, mashan: 2 },
  },
  {
    name: 'completed late',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      { act: A.APPROVE, after: { share: 1, plus: 2 } },
      { act: A.COMPLETE, after: [1, 2] },
    ],
    perHall: { liucheng: 7, 'liucheng-land': 3, mashan: 3 },
  },
  {
    name: 'supplemented before acceptance, completed',
    item: 'handled',
    steps: [
      submit,
      { act: A.REQUEST_SUPPLEMENT, after: 0, missing: 1, reason: '请补齐材料后再来窗口' },
      { act: A.RECEIVE_SUPPLEMENT, after: [1, 4] },
      { act: A.ACCEPT, after: 0 },
      review,
      approve,
      deliver,
    ],
    perHall: { liucheng: 10, 'liucheng-land': 3, mashan: 4 },
  },
  {
    name: 'paused for a supplement in review, completed',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      { act: A.REQUEST_SUPPLEMENT, after: [1, 2], missing: 2 },
      { act: A.RECEIVE_SUPPLEMENT, after: [2, 6] },
      approve,
      deliver,
    ],
    perHall: { liucheng: 6, 'liucheng-land': 2, mashan: 3 },
  },
  {
    name: 'paused for an on-site inspection, completed',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      { act: A.SUSPEND, after: [1, 2], procedure: PauseKind.INSPECTION, reason: '需现场核查' },
      { act: A.RESUME, after: [2, 5] },
      approve,
      deliver,
    ],
    perHall: { liucheng: 4, 'liucheng-land': 4, mashan: 2 },
  },
  {
    name: 'denied and the decision delivered',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      { act: A.DENY, after: { share: 0.5 }, reason: DENY_REASON },
      deliver,
    ],
    perHall: { liucheng: 6, 'liucheng-land': 2, mashan: 2 },
  },
  {
    name: 'extension approved, completed within it',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      {
        act: 'REQUEST_EXTENSION',
        after: { share: 0.5 },
        workingDays: 10,
        reason: '需征求相关部门意见，申请延长办理时限',
      },
      { act: 'DECIDE_EXTENSION', after: [0, 1], approve: true, note: '同意延期' },
      { act: A.APPROVE, after: { share: 0.5, plus: 3 } },
      { act: A.COMPLETE, after: 1 },
    ],
    perHall: { mashan: 5 },
  },
  {
    name: 'extension refused, completed on time',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      {
        act: 'REQUEST_EXTENSION',
        after: { share: 0.3 },
        workingDays: 5,
        reason: '材料较多，申请延期',
      },
      { act: 'DECIDE_EXTENSION', after: [0, 1], approve: false, note: '时限内可以办结' },
      { act: A.APPROVE, after: { share: 0.3 } },
      { act: A.COMPLETE, after: 0 },
    ],
    perHall: { mashan: 3 },
  },
  {
    name: 'rejected at intake',
    item: 'handled',
    steps: [submit, { act: A.REJECT, after: [0, 2], reason: REJECT_REASONS[1] }],
    perHall: { liucheng: 8, 'liucheng-land': 2, mashan: 3 },
  },
  {
    name: 'withdrawn in review',
    item: 'handled',
    steps: [submit, accept, review, { act: A.WITHDRAW, after: [1, 5], reason: '申请人申请撤回' }],
    perHall: { liucheng: 5, 'liucheng-land': 2, mashan: 2 },
  },
  {
    name: 'withdrawn while a supplement was awaited',
    item: 'handled',
    steps: [
      submit,
      { act: A.REQUEST_SUPPLEMENT, after: 0, missing: 1 },
      { act: A.WITHDRAW, after: [3, 8], reason: '申请人不再办理' },
    ],
    perHall: { liucheng: 3, mashan: 1 },
  },
  // Still open: on the work queues now.
  {
    name: 'waiting for acceptance',
    item: 'handled',
    steps: [submit],
    idle: [0, 3],
    perHall: { liucheng: 6, 'liucheng-land': 2, mashan: 3 },
  },
  {
    name: 'not accepted within 5 working days',
    item: 'handled',
    steps: [submit],
    idle: [6, 10],
    perHall: { liucheng: 3, 'liucheng-land': 1, mashan: 1 },
  },
  {
    name: 'waiting for the applicant’s supplement',
    item: 'handled',
    steps: [submit, { act: A.REQUEST_SUPPLEMENT, after: 0, missing: 2 }],
    idle: [0, 6],
    perHall: { liucheng: 4, 'liucheng-land': 2, mashan: 2 },
  },
  {
    name: 'accepted',
    item: 'handled',
    steps: [submit, accept],
    idle: [0, 2],
    perHall: { liucheng: 5, 'liucheng-land': 2, mashan: 3 },
  },
  {
    name: 'in review',
    item: 'handled',
    steps: [submit, accept, review],
    idle: { share: 0.4 },
    perHall: { liucheng: 8, 'liucheng-land': 3, mashan: 3 },
  },
  {
    name: 'in review past the promised deadline',
    item: 'handled',
    steps: [submit, accept, review],
    idle: { share: 1, plus: 1 },
    perHall: { liucheng: 2, 'liucheng-land': 1 },
  },
  {
    name: 'in review, an extension waiting for the manager',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      { act: 'REQUEST_EXTENSION', after: { share: 0.6 }, workingDays: 5, reason: '需专家论证' },
    ],
    idle: [0, 1],
    perHall: { liucheng: 2, mashan: 1 },
  },
  {
    name: 'in review with an approved extension',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      {
        act: 'REQUEST_EXTENSION',
        after: { share: 0.5 },
        workingDays: 10,
        reason: '需征求相关部门意见',
      },
      { act: 'DECIDE_EXTENSION', after: [0, 1], approve: true },
    ],
    idle: [1, 3],
    perHall: { mashan: 2 },
  },
  {
    name: 'suspended for a supplement',
    item: 'handled',
    steps: [submit, accept, review, { act: A.REQUEST_SUPPLEMENT, after: [1, 2], missing: 1 }],
    idle: [0, 4],
    perHall: { liucheng: 3, 'liucheng-land': 1, mashan: 2 },
  },
  {
    name: 'suspended for a hearing',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      {
        act: A.SUSPEND,
        after: [1, 3],
        procedure: PauseKind.HEARING,
        reason: '涉及利害关系人，依申请举行听证',
      },
    ],
    idle: [0, 5],
    perHall: { liucheng: 2, 'liucheng-land': 2, mashan: 1 },
  },
  {
    name: 'suspended for expert review',
    item: 'handled',
    steps: [
      submit,
      accept,
      review,
      { act: A.SUSPEND, after: [1, 3], procedure: PauseKind.EXPERT_REVIEW, reason: '组织专家评审' },
    ],
    idle: [0, 5],
    perHall: { liucheng: 2 },
  },
  {
    name: 'approved, result not yet collected',
    item: 'handled',
    steps: [submit, accept, review, approve],
    idle: [0, 2],
    perHall: { liucheng: 5, 'liucheng-land': 2, mashan: 2 },
  },
  {
    name: 'denied, decision not yet delivered',
    item: 'handled',
    steps: [submit, accept, review, { act: A.DENY, after: { share: 0.5 }, reason: DENY_REASON }],
    idle: [0, 2],
    perHall: { liucheng: 2, mashan: 1 },
  },
  // 代办: a station takes in for its township, forwards it, the township handles it and the
  // station hands the result over.
  {
    name: 'forwarded, handled at the township, handed over at the station',
    item: 'forTownship',
    steps: [
      submit,
      forward,
      { ...accept, by: 'handler' },
      { ...review, by: 'handler' },
      { ...approve, by: 'handler' },
      { ...deliver, by: 'handler' },
      { act: A.HAND_BACK, after: [1, 3] },
    ],
    perHall: { 'mashan-station': 8 },
  },
  {
    name: 'forwarded, supplemented at the township, handed over at the station',
    item: 'forTownship',
    steps: [
      submit,
      forward,
      { act: A.REQUEST_SUPPLEMENT, after: [0, 1], missing: 1, by: 'handler' },
      { act: A.RECEIVE_SUPPLEMENT, after: [1, 4], by: 'handler' },
      { act: A.ACCEPT, after: 0, by: 'handler' },
      { ...review, by: 'handler' },
      { ...approve, by: 'handler' },
      { ...deliver, by: 'handler' },
      { act: A.HAND_BACK, after: [1, 3] },
    ],
    perHall: { 'mashan-station': 2 },
  },
  {
    name: 'forwarded, the result waiting at the station',
    item: 'forTownship',
    steps: [
      submit,
      forward,
      { ...accept, by: 'handler' },
      { ...review, by: 'handler' },
      { ...approve, by: 'handler' },
      { ...deliver, by: 'handler' },
    ],
    idle: [0, 2],
    perHall: { 'mashan-station': 3 },
  },
  {
    name: 'forwarded, in review at the township',
    item: 'forTownship',
    steps: [submit, forward, { ...accept, by: 'handler' }, { ...review, by: 'handler' }],
    idle: { share: 0.3 },
    perHall: { 'mashan-station': 3 },
  },
  {
    name: 'forwarded, waiting for the township to accept',
    item: 'forTownship',
    steps: [submit, forward],
    idle: [0, 2],
    perHall: { 'mashan-station': 2 },
  },
  // Taken in for a center above and not forwarded (yet).
  {
    name: 'taken in for the center above',
    item: 'intakeOnly',
    steps: [submit],
    idle: [0, 3],
    perHall: { 'mashan-station': 3, mashan: 2 },
  },
  {
    name: 'taken in for the center above, supplement asked',
    item: 'intakeOnly',
    steps: [submit, { act: A.REQUEST_SUPPLEMENT, after: 0, missing: 1 }],
    idle: [0, 5],
    perHall: { 'mashan-station': 2 },
  },
  {
    name: 'refused at the station',
    item: 'intakeOnly',
    steps: [submit, { act: A.REJECT, after: 0, reason: REJECT_REASONS[0] }],
    perHall: { 'mashan-station': 4, mashan: 1 },
  },
  {
    name: 'withdrawn at the station',
    item: 'intakeOnly',
    steps: [submit, { act: A.WITHDRAW, after: [0, 3], reason: '申请人改为到乡镇中心办理' }],
    perHall: { 'mashan-station': 3 },
  },
];
