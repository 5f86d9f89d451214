import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { formatDay } from '../../../platform/views/london-time.ts';
import { planPaths } from '../plans.paths.ts';

/** Every digest's subject starts so; the outbox is searched by it to send one a week. */
const DIGEST_SUBJECT_PREFIX = 'Your plan actions:';

export interface DigestAction {
  id: string;
  planId: string;
  planTitle: string;
  title: string;
  /** "2026-11-30" */
  dueDate: string;
  overdue: boolean;
}

/**
 * The digest's first line, naming the week by its Monday. It is what makes one week's digest
 * to a person recognisable in the outbox, so it must stay the message's first line.
 */
function digestHeading(weekStart: string): string {
  return `Your plan actions for the week beginning ${formatDay(weekStart)}`;
}

/** "Your plan actions: 2 overdue, 3 due this week", leaving out a count of none. */
export function digestSubject({ overdue, dueThisWeek }: { overdue: number; dueThisWeek: number }): string {
  const counts = [overdue > 0 ? `${overdue} overdue` : '', dueThisWeek > 0 ? `${dueThisWeek} due this week` : ''];
  return `${DIGEST_SUBJECT_PREFIX} ${counts.filter(Boolean).join(', ')}`;
}

/**
 * One owner's weekly email: their overdue actions (the most overdue first), then those due this
 * week, each with its plan, due date and a link to it. Plain text: every mail client shows it,
 * and a link on a line of its own can be followed from any of them.
 */
export function composeDigest({
  to,
  name,
  weekStart,
  actions,
  publicUrl,
}: {
  to: string;
  name: string;
  weekStart: string;
  /** Sorted: overdue first, then by due date. */
  actions: readonly DigestAction[];
  /** "https://tandem.example.org", where the links point. */
  publicUrl: string;
}): MailMessage {
  const base = publicUrl.replace(/\/+$/, '');
  const overdue = actions.filter((action) => action.overdue);
  const dueThisWeek = actions.filter((action) => !action.overdue);
  const listed = (action: DigestAction) => [
    `- ${action.title}`,
    `  Plan: ${action.planTitle}`,
    `  ${action.overdue ? 'Overdue: it was due' : 'Due'} ${formatDay(action.dueDate)}`,
    `  ${base}${planPaths.action(action.planId, action.id)}`,
    '',
  ];
  const section = (title: string, items: DigestAction[]) =>
    items.length === 0 ? [] : [`${title} (${items.length}):`, '', ...items.flatMap(listed)];
  return {
    to,
    subject: digestSubject({ overdue: overdue.length, dueThisWeek: dueThisWeek.length }),
    text: [
      digestHeading(weekStart),
      '',
      `Dear ${name},`,
      '',
      `These development plan actions of yours are ${
        overdue.length > 0 && dueThisWeek.length > 0
          ? 'overdue or due this week'
          : overdue.length > 0
            ? 'overdue'
            : 'due this week'
      }.`,
      '',
      ...section('Overdue', overdue),
      ...section('Due this week', dueThisWeek),
      'All your actions:',
      `${base}${planPaths.myActions}`,
      '',
      'Tandem sends this email on Mondays when you have plan actions overdue or due that week.',
    ].join('\n'),
  };
}
