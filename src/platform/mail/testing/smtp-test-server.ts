/**
 * A real SMTP server on a free local port, for tests: Tandem sends to it over the network
 * with nodemailer, and the test reads what arrived. Test-only (smtp-server and mailparser are
 * development dependencies).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpTestServer {
  /** e.g. smtp://127.0.0.1:41234, for SMTP_URL. */
  url: string;
  /** Messages accepted, in order. */
  delivered: ParsedMail[];
  /** Every attempt to send (accepted or refused), counted at the recipient. */
  attempts(): number;
  close(): Promise<void>;
}

/**
 * `refuse(attempt)` (1-based) answers whether to refuse an attempt with a temporary error, as a
 * mail server does when it is overloaded; by default every message is accepted.
 */
export async function startSmtpTestServer({
  refuse = () => false,
}: { refuse?: (attempt: number) => boolean } = {}): Promise<SmtpTestServer> {
  const delivered: ParsedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      attempts += 1;
      if (refuse(attempts)) {
        const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          delivered.push(parsed);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
