import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditActions } from '../../platform/audit/audit.ts';
import type { AuditEventView } from './activity.service.ts';
import { actionLabel, describeForSubject, originForSubject, summariseDetails } from './event-descriptions.ts';

const me = 'me-id';
const admin = 'admin-id';

function event(overrides: Partial<AuditEventView>): AuditEventView {
  return {
    id: 'event',
    occurredAt: new Date('2026-11-24T15:05:00Z'),
    action: 'sign_in.succeeded',
    actorPersonId: me,
    actorName: 'Me Myself',
    actorEmail: 'me@example.test',
    subjectPersonId: me,
    subjectEmail: 'me@example.test',
    organisationName: null,
    ip: '198.51.100.1',
    details: {},
    ...overrides,
  };
}

const byAdmin = { actorPersonId: admin, actorName: 'Ada Admin', ip: '192.0.2.1' };

test('each event about my account is told to me in words', () => {
  const cases: Array<[Partial<AuditEventView>, string]> = [
    [{}, 'You signed in'],
    [{ details: { secondFactor: 'authenticator' } }, 'You signed in'],
    [{ details: { secondFactor: 'recovery_code' } }, 'You signed in with a recovery code'],
    [
      { action: 'sign_in.failed', actorPersonId: null, details: { reason: 'throttled' } },
      'Someone tried to sign in too many times in a short while and was stopped',
    ],
    [
      { action: 'sign_in.failed', actorPersonId: null, actorName: null },
      'Someone tried to sign in with your email address and a wrong password',
    ],
    [
      { action: 'sign_in.failed', actorPersonId: null, details: { reason: 'account_locked' } },
      'Someone tried to sign in while your account was locked',
    ],
    [
      { action: 'sign_in.failed', actorPersonId: null, details: { reason: 'wrong_mfa_code' } },
      'Someone signed in with your password but entered a wrong two-factor code',
    ],
    [{ action: 'sign_out' }, 'You signed out'],
    [{ action: 'sign_out', details: { everywhere: true } }, 'You signed out on every device'],
    [{ action: 'password.changed' }, 'You changed your password'],
    [{ action: 'password.changed', details: { via: 'reset' } }, 'You reset your password'],
    [{ action: 'password.changed', ...byAdmin }, 'Ada Admin changed your password'],
    [{ action: 'mfa.enabled' }, 'You turned on two-factor authentication'],
    [{ action: 'mfa.disabled', ...byAdmin }, 'Ada Admin turned off two-factor authentication for your account'],
    [
      { action: 'invitation.sent', ...byAdmin, organisationName: 'Meridian Trust' },
      'Ada Admin invited you to join Meridian Trust',
    ],
    [{ action: 'invitation.accepted' }, 'You accepted your invitation to Tandem'],
    [
      { action: 'role.changed', ...byAdmin, organisationName: 'Meridian Trust', details: { role: 'chair' } },
      'Ada Admin changed your role in Meridian Trust to Chair of trustees',
    ],
    [{ action: 'role.changed', ...byAdmin }, 'Ada Admin changed your role'],
    [
      { action: 'account.locked', actorPersonId: null },
      'Your account was locked for a while after too many failed sign-in attempts',
    ],
    [{ action: 'account.deactivated', ...byAdmin }, 'Ada Admin deactivated your account'],
    [{ action: 'confidential.read', ...byAdmin }, 'Ada Admin read confidential content you own'],
    [{ action: 'something.new' }, 'something.new'],
  ];
  for (const [overrides, expected] of cases) assert.equal(describeForSubject(event(overrides), me), expected);
});

test('every known action has a label of its own', () => {
  const labels = auditActions.map(actionLabel);
  assert.equal(new Set(labels).size, auditActions.length);
  for (const [index, label] of labels.entries()) assert.notEqual(label, auditActions[index]);
});

test("another person's address is theirs: only my own and attempts on my account show where from", () => {
  assert.equal(originForSubject(event({}), me), '198.51.100.1');
  assert.equal(
    originForSubject(event({ action: 'sign_in.failed', actorPersonId: null, ip: '203.0.113.9' }), me),
    '203.0.113.9',
  );
  assert.equal(originForSubject(event({ action: 'role.changed', ...byAdmin }), me), 'Not shown');
  assert.equal(originForSubject(event({ ip: null }), me), 'Not recorded');
});

test('details read as "name: value" pairs', () => {
  assert.equal(
    summariseDetails({ reason: 'wrong_password', attempts: 3, flags: ['a'] }),
    'reason: wrong_password, attempts: 3, flags: ["a"]',
  );
  assert.equal(summariseDetails({}), '');
});
