import pino, { Logger } from 'pino';

/**
 * Structured JSON logs on stdout. Secrets and personal data never reach them: tokens and
 * passwords are redacted wherever they appear one level down, so are applicants' names, ID
 * numbers and phones (the code logs no such field, this is the net under it), and unexpected
 * errors are logged through `loggableError`, without the values they carried.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'newPassword',
    'token',
    'refreshToken',
    'accessToken',
    'parameters',
    'applicant',
    'applicantName',
    'applicantIdNumber',
    'applicantPhone',
    'idNumber',
    'phone',
  ].flatMap((field) => [field, `*.${field}`]),
];

export function createRootLogger(level: string, name: string): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}
