import { isAuditAction, type AuditAction } from '../../platform/audit/audit.ts';
import { roleLabels, type Role } from '../people/index.ts';
import type { AuditEventView } from './activity.service.ts';

/** What each action is called in the audit log and its filter. */
export const actionLabels: Record<AuditAction, string> = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in failed',
  sign_out: 'Signed out',
  'password.changed': 'Password changed',
  'mfa.enabled': 'Two-factor authentication turned on',
  'mfa.disabled': 'Two-factor authentication turned off',
  'invitation.sent': 'Invitation sent',
  'invitation.accepted': 'Invitation accepted',
  'role.changed': 'Role changed',
  'account.locked': 'Account locked',
  'account.deactivated': 'Account deactivated',
  'account.reactivated': 'Account reactivated',
  'organisation.created': 'Organisation added',
  'organisation.changed': 'Organisation details changed',
  'confidential.read': 'Confidential content read',
  'benchmark.consented': 'Joined the benchmarks',
  'benchmark.withdrawn': 'Left the benchmarks',
  'plan.shared': 'Plan shared',
  'plan.share_revoked': 'Plan no longer shared',
  'partnership.participant_removed': 'Removed from a partnership',
  'partnership.lead_changed': 'Partnership lead contact changed',
  'email_lookup.refused': 'Too many email lookups',
};

/** An action recorded by a newer version keeps its code rather than breaking the page. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? actionLabels[action] : action;
}

function textDetail(event: AuditEventView, key: string): string | undefined {
  const value = event.details[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function roleName(role: string | undefined): string | undefined {
  if (!role) return undefined;
  return roleLabels[role as Role] ?? role;
}

function failedSignIn(event: AuditEventView): string {
  switch (textDetail(event, 'reason')) {
    case 'wrong_mfa_code':
      return 'Someone signed in with your password but entered a wrong two-factor code';
    case 'account_locked':
      return 'Someone tried to sign in while your account was locked';
    case 'throttled':
      return 'Someone tried to sign in too many times in a short while and was stopped';
    case 'deactivated':
      return 'Someone tried to sign in to your deactivated account';
    default:
      return 'Someone tried to sign in with your email address and a wrong password';
  }
}

/**
 * What happened, in words for the person the event is about: "You signed in", or, when
 * someone else acted on their account, who that was ("Ada Lovelace changed your role").
 */
export function describeForSubject(event: AuditEventView, viewerPersonId: string): string {
  const byYou = event.actorPersonId === viewerPersonId;
  const someone = event.actorName ?? 'Someone';
  const inOrganisation = event.organisationName ? ` in ${event.organisationName}` : '';
  const toOrganisation = event.organisationName ? ` to join ${event.organisationName}` : ' to Tandem';
  switch (event.action) {
    case 'sign_in.succeeded':
      if (!byYou) return `${someone} signed in to your account`;
      // A recovery code is worth noticing: each one used is one fewer left.
      return textDetail(event, 'secondFactor') === 'recovery_code'
        ? 'You signed in with a recovery code'
        : 'You signed in';
    case 'sign_in.failed':
      return failedSignIn(event);
    case 'sign_out':
      if (!byYou && event.actorPersonId) return `${someone} signed you out on every device`;
      return event.details.everywhere === true ? 'You signed out on every device' : 'You signed out';
    case 'password.changed': {
      if (!byYou) return `${someone} changed your password`;
      const via = textDetail(event, 'via');
      if (via === 'reset') return 'You reset your password';
      if (via === 'invitation') return 'You set your password';
      return 'You changed your password';
    }
    case 'mfa.enabled':
      return byYou ? 'You turned on two-factor authentication' : `${someone} turned on two-factor authentication`;
    case 'mfa.disabled':
      return byYou
        ? 'You turned off two-factor authentication'
        : `${someone} turned off two-factor authentication for your account`;
    case 'invitation.sent':
      return event.actorPersonId ? `${someone} invited you${toOrganisation}` : `You were invited${toOrganisation}`;
    case 'invitation.accepted':
      return `You accepted your invitation${toOrganisation}`;
    case 'role.changed': {
      const role = roleName(textDetail(event, 'role'));
      const change = `${byYou ? 'You changed your' : `${someone} changed your`} role${inOrganisation}`;
      return role ? `${change} to ${role}` : change;
    }
    case 'account.locked':
      return 'Your account was locked for a while after too many failed sign-in attempts';
    case 'account.deactivated':
      return byYou ? 'You deactivated your account' : `${someone} deactivated your account`;
    case 'account.reactivated':
      return `${someone} reactivated your account`;
    case 'confidential.read':
      return `${byYou ? 'You' : someone} read confidential content you own`;
    case 'plan.shared':
      return `${someone} shared a development plan with you${inOrganisation}`;
    case 'plan.share_revoked':
      return `${someone} stopped sharing a development plan with you${inOrganisation}`;
    case 'partnership.participant_removed':
      return `${someone} removed you from a mentoring partnership`;
    case 'partnership.lead_changed':
      return event.details.lead === true
        ? `${someone} made you a lead contact of a mentoring partnership`
        : `${someone} made you no longer a lead contact of a mentoring partnership`;
    default:
      return actionLabel(event.action);
  }
}

/**
 * Where it came from, for the person it is about: the address of their own actions and of
 * attempts on their account; another person's address is theirs, not the viewer's.
 */
export function originForSubject(event: AuditEventView, viewerPersonId: string): string {
  const shown = event.actorPersonId === null || event.actorPersonId === viewerPersonId;
  if (!shown) return 'Not shown';
  return event.ip ?? 'Not recorded';
}

/** Details for administrators, one "name: value" after another. */
export function summariseDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
