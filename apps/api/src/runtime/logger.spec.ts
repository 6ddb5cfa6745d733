import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logger';

describe('the log', () => {
  it('never carries passwords, tokens or applicants’ personal data', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({ input: { password: 'hunter2', applicantName: '黎明辉' }, phone: '13807729876' });
    logger.error({ error: { parameters: ['450222198808081234'] } }, 'failed');
    const text = lines.join('');
    for (const secret of ['hunter2', '黎明辉', '13807729876', '450222198808081234']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});
