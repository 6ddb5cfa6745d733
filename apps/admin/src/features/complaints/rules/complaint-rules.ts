/**
 * 投诉 in the admin app, as plain TypeScript: colours of the states, which refusals of the
 * server the app explains in its own words, and the problems of a complaint's form.
 */
import { graphQLErrorsOf } from '../../../shared/api/errors';
import type {
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintStatus,
  ComplaintSubjectKind,
} from '../../../shared/api/graphql.generated';

export const STATUSES: ComplaintStatus[] = ['RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
export const CHANNELS: ComplaintChannel[] = ['IN_PERSON', 'HOTLINE_12345', 'LETTER', 'ONLINE'];
export const OUTCOMES: ComplaintOutcome[] = [
  'SUBSTANTIATED',
  'PARTLY_SUBSTANTIATED',
  'UNSUBSTANTIATED',
];
export const SUBJECT_KINDS: ComplaintSubjectKind[] = ['WINDOW', 'STAFF', 'APPLICATION'];

export const STATUS_COLORS: Record<ComplaintStatus, string> = {
  RECEIVED: 'orange',
  IN_PROGRESS: 'blue',
  RESOLVED: 'green',
  CLOSED: 'default',
};

/** Refusals with a sentence of their own (`complaints.reasons.*`). */
export const KNOWN_REASONS = ['NOT_OPEN', 'CHANGED'] as const;
export type KnownReason = (typeof KNOWN_REASONS)[number];

/** Problem codes of a complaint's input with a sentence of their own (`complaints.problems.*`). */
export const KNOWN_PROBLEMS = ['REQUIRED', 'TOO_LONG', 'PHONE_FORMAT', 'ONE_SUBJECT'] as const;
export type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

/** The server's reason for a refusal, when it is one the app explains; else null. */
export function reasonOf(error: unknown): KnownReason | null {
  const reason = graphQLErrorsOf(error)[0]?.extensions?.reason;
  return (KNOWN_REASONS as readonly unknown[]).includes(reason) ? (reason as KnownReason) : null;
}

/** The input problems the server named that the app explains (field and code), in order. */
export function problemsOf(error: unknown): { field: string; code: KnownProblem }[] {
  const problems = graphQLErrorsOf(error)[0]?.extensions?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: unknown) => {
    const { field, code } = (p ?? {}) as { field?: unknown; code?: unknown };
    return typeof field === 'string' && (KNOWN_PROBLEMS as readonly unknown[]).includes(code)
      ? [{ field, code: code as KnownProblem }]
      : [];
  });
}
