import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Short-lived signed cookies that carry a sign-in or an enrolment across two pages. Signed
 * (HMAC with the cookie secret), so a browser cannot forge one for another person.
 */
const PENDING_SIGN_IN = 'tandem_mfa_pending';
const PENDING_ENROLMENT = 'tandem_mfa_enrol';
const RECOVERY_CODES = 'tandem_recovery_codes';
const FIVE_MINUTES_MS = 5 * 60 * 1000;

function write(reply: FastifyReply, name: string, value: string, secure: boolean): void {
  reply.setCookie(name, value, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true, maxAge: 300 });
}

function read(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

export function clear(reply: FastifyReply, name: 'sign-in' | 'enrolment' | 'recovery-codes'): void {
  const cookie = { 'sign-in': PENDING_SIGN_IN, enrolment: PENDING_ENROLMENT, 'recovery-codes': RECOVERY_CODES }[name];
  reply.clearCookie(cookie, { path: '/' });
}

/** The person whose password was right, waiting for their code; valid for five minutes. */
export function rememberPendingSignIn(reply: FastifyReply, personId: string, secure: boolean, now = Date.now()): void {
  write(reply, PENDING_SIGN_IN, `${personId}.${now + FIVE_MINUTES_MS}`, secure);
}

export function pendingSignIn(request: FastifyRequest, now = Date.now()): string | null {
  const [personId, expires] = read(request, PENDING_SIGN_IN)?.split('.') ?? [];
  return personId && Number(expires) > now ? personId : null;
}

/** The TOTP secret being set up, bound to the person setting it up. */
export function rememberEnrolment(reply: FastifyReply, personId: string, secret: string, secure: boolean): void {
  write(reply, PENDING_ENROLMENT, `${personId}.${secret}`, secure);
}

export function pendingEnrolment(request: FastifyRequest, personId: string): string | null {
  const [owner, secret] = read(request, PENDING_ENROLMENT)?.split('.') ?? [];
  return owner === personId && secret ? secret : null;
}

/** Recovery codes are shown once, on the page after enrolment (post/redirect/get). */
export function rememberRecoveryCodes(reply: FastifyReply, codes: string[], secure: boolean): void {
  write(reply, RECOVERY_CODES, codes.join('-'), secure);
}

export function recoveryCodesToShow(request: FastifyRequest): string[] | null {
  return read(request, RECOVERY_CODES)?.split('-') ?? null;
}
