import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { redactedPaths } from './logging.ts';

test('cookies, authorisation, bodies and secrets never reach the log', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ redact: { paths: redactedPaths, censor: '[Redacted]' } }, stream);
  logger.info(
    {
      req: { headers: { cookie: 'tandem_session=abc123', authorization: 'Bearer xyz789', host: 'tandem.test' } },
      res: { headers: { 'set-cookie': 'tandem_session=def456' } },
      body: { password: 'correct horse battery staple' },
      user: { password: 'p4ssw0rd!', token: 'tok-secret' },
    },
    'request',
  );
  const line = lines.join('');
  for (const secret of ['abc123', 'xyz789', 'def456', 'correct horse', 'p4ssw0rd!', 'tok-secret']) {
    assert.doesNotMatch(line, new RegExp(secret), `${secret} is redacted`);
  }
  assert.match(line, /tandem\.test/, 'harmless fields stay');
});
