import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import { open, seal } from '../../platform/crypto/secret-box.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { SIGN_IN_POLICY } from './accounts.service.ts';
import * as repository from './people.repository.ts';

/** Administrators and provider staff see many organisations' data: a password alone is not enough. */
export function mfaRequiredFor(viewer: Viewer): boolean {
  return hasRole(viewer, 'platform_administrator', 'programme_manager', 'mentor');
}

/** An authenticator app shows a new code every STEP_SECONDS. */
const STEP_SECONDS = 30;

function totp(secret: string, label = 'Tandem'): TOTP {
  return new TOTP({ issuer: 'Tandem', label, secret: Secret.fromBase32(secret), digits: 6, period: STEP_SECONDS });
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
/** Recovery codes are typed by hand: no dashes or case to get wrong, spaces ignored. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

export interface Enrolment {
  secret: string;
  /** For the QR code; also typed by hand into apps that cannot scan. */
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/** A new secret to enrol, or (after a mistyped code) the one already shown, drawn again. */
export async function beginEnrolment({
  actor,
  secret = new Secret({ size: 20 }).base32,
}: {
  actor: Viewer;
  secret?: string;
}): Promise<Enrolment> {
  const otpauthUrl = totp(secret, actor.email).toString();
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 2 });
  return { secret, otpauthUrl, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** Checks the first code from the person's app; on success turns MFA on and returns recovery codes to show once. */
export async function confirmEnrolment({
  db,
  actor,
  secret,
  code,
  key,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer;
  secret: string;
  code: string;
  key: Buffer;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<string[] | null> {
  const codeStep = /^[A-Z2-7]{32}$/.test(secret) ? matchingStep(secret, code.replace(/\s/g, ''), now) : null;
  if (codeStep === null) return null;
  const recoveryCodes = Array.from({ length: 10 }, () => randomBytes(5).toString('hex'));
  await repository.saveSecondFactor(db, actor.personId, {
    sealedSecret: seal(secret, key),
    recoveryCodeHashes: recoveryCodes.map(hashCode),
    // The code that confirmed the set-up is spent: signing in takes the next one.
    codeStep,
    now,
  });
  await recordAuditEvent(
    db,
    { action: 'mfa.enabled', actorPersonId: actor.personId, subjectPersonId: actor.personId },
    audit,
  );
  return recoveryCodes;
}

export type SecondFactorResult = 'accepted' | 'refused' | 'locked';

/**
 * The second step of sign-in: a code from the app (30-second steps, one step of drift
 * allowed, each code once) or an unused recovery code. Wrong and reused codes count towards
 * the same lock as wrong passwords, so the 6 digits cannot be guessed.
 */
export async function verifySecondFactor({
  db,
  personId,
  code,
  key,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  personId: string;
  code: string;
  key: Buffer;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<SecondFactorResult> {
  const factor = await repository.findSecondFactor(db, personId);
  if (!factor?.sealedSecret) return 'refused';
  const failed = (reason: string) =>
    recordAuditEvent(db, { action: 'sign_in.failed', subjectPersonId: personId, details: { reason } }, audit);
  if (factor.lockedUntil && factor.lockedUntil > now) {
    await failed('account_locked');
    return 'locked';
  }
  const secret = open(factor.sealedSecret, key);
  const typed = normaliseCode(code);
  const codeStep = secret !== null && /^\d{6}$/.test(typed) ? matchingStep(secret, typed, now) : null;
  const totpMatches = codeStep !== null && (await repository.claimCodeStep(db, personId, codeStep));
  const recoveryMatches =
    codeStep === null &&
    factor.recoveryCodeHashes.includes(hashCode(typed)) &&
    (await repository.consumeRecoveryCode(db, personId, hashCode(typed)));
  if (totpMatches || recoveryMatches) {
    await repository.clearFailedSignIns(db, personId);
    await recordAuditEvent(
      db,
      {
        action: 'sign_in.succeeded',
        actorPersonId: personId,
        subjectPersonId: personId,
        details: { secondFactor: recoveryMatches ? 'recovery_code' : 'authenticator' },
      },
      audit,
    );
    return 'accepted';
  }
  await failed(codeStep === null ? 'wrong_mfa_code' : 'reused_mfa_code');
  await repository.recordFailedSignIn(db, personId, { ...SIGN_IN_POLICY, now });
  return 'refused';
}

/** The time step of the code `typed`, if it is the code of now or of one step either side; otherwise null. */
function matchingStep(secret: string, typed: string, now: Date): number | null {
  const delta = totp(secret).validate({ token: typed, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / (STEP_SECONDS * 1000)) + delta;
}

/** For tests and the set-up page's own check: the code an app would show now. */
export function currentCode(secret: string, now = new Date()): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
