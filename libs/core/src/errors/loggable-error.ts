/**
 * An unexpected error as it may be written to the log: what it is and where it came from,
 * never the values it carried. A database error keeps its SQLSTATE, constraint, table and
 * column, not its SQL parameters (applicants' names, ID numbers, phones), not its `detail`
 * ("Failing row contains (…)") and not the quoted values in its message.
 */
export interface LoggableError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggableError;
}

const QUOTED = /"[^"]*"|'[^']*'/g;

/** Quoted values in a message, blanked: `invalid input syntax for type uuid: "…"`. */
export function withoutValues(message: string): string {
  return message.replace(QUOTED, (quoted) => `${quoted[0]}…${quoted[0]}`);
}

export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: '(not an Error; its value is not logged)' };
  }
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as Record<
    string,
    unknown
  >;
  const text = (key: string) =>
    typeof driver[key] === 'string' ? (driver[key] as string) : undefined;
  const message = withoutValues(error.message);
  const frames = error.stack?.split('\n').slice(1).join('\n');
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.name,
    message,
    code: text('code'),
    constraint: text('constraint'),
    table: text('table'),
    column: text('column'),
    stack: frames ? `${error.name}: ${message}\n${frames}` : undefined,
    cause: cause !== undefined && depth < 3 ? loggableError(cause, depth + 1) : undefined,
  };
}
