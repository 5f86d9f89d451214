import { formatDay } from '../../platform/views/london-time.ts';
import {
  BUDGET_COMPONENT_LABELS,
  BUDGET_COMPONENTS,
  formatDaysAndHours,
  formatHours,
  type TimeBudget,
} from './time-budget.ts';

/**
 * An agreement's text: the service's template with its {placeholders} filled in from the
 * partnership. Pure, so the words both parties accept can be checked without a database.
 */

export const AGREEMENT_PLACEHOLDERS = [
  'mentee',
  'menteeTrust',
  'mentor',
  'provider',
  'service',
  'startsOn',
  'endsOn',
  'budget',
  'budgetSplit',
  'meetingPattern',
  'fee',
] as const;
export type AgreementPlaceholder = (typeof AGREEMENT_PLACEHOLDERS)[number];

/**
 * Fills each {placeholder} the template names with its value. A placeholder with no value (a
 * misspelt one, or one a later template invents) is left as written, braces and all, so whoever
 * reads the version sees the gap instead of a silently missing word.
 */
export function fillAgreementTemplate(template: string, values: Partial<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

/** A fee in pence before VAT: "£2,500.00 plus VAT", or "No fee". */
export function formatFee(pence: number): string {
  return pence > 0 ? `${pounds.format(pence / 100)} plus VAT` : 'No fee';
}

/** "Sam Patel", "Sam Patel and Jo Bloggs", "A, B and C". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** "56 hours (8 days of 7 hours)". */
export function budgetInWords(budget: TimeBudget): string {
  return `${formatHours(budget.totalMinutes)} (${formatDaysAndHours(budget.totalMinutes)} of 7 hours)`;
}

/** "reading 1 day, school visits 1 day, establishing the partnership 3.5 hours, meetings 5 days 3.5 hours". */
export function budgetSplitInWords(budget: TimeBudget): string {
  return BUDGET_COMPONENTS.map(
    (component) =>
      `${BUDGET_COMPONENT_LABELS[component].toLowerCase()} ${formatDaysAndHours(budget.minutes[component])}`,
  ).join(', ');
}

export interface AgreementFacts {
  participants: ReadonlyArray<{ displayName: string; side: 'mentor' | 'mentee' | 'peer' }>;
  menteeTrustName: string | null;
  providerName: string;
  serviceName: string;
  startsOn: string;
  endsOn: string;
  budget: TimeBudget;
  meetingPattern: string;
  feePence: number;
}

/**
 * Each placeholder's value for a partnership. In a peer triad every trust is both mentor and
 * mentee, so the peers' names stand on both sides.
 */
export function agreementValues(facts: AgreementFacts): Record<AgreementPlaceholder, string> {
  const onSide = (side: 'mentor' | 'mentee') => {
    const names = facts.participants.filter((each) => each.side === side).map((each) => each.displayName);
    const peers = facts.participants.filter((each) => each.side === 'peer').map((each) => each.displayName);
    return namesInWords(names.length > 0 ? names : peers);
  };
  return {
    mentee: onSide('mentee'),
    menteeTrust: facts.menteeTrustName ? `, of ${facts.menteeTrustName}` : '',
    mentor: onSide('mentor'),
    provider: facts.providerName,
    service: facts.serviceName,
    startsOn: formatDay(facts.startsOn),
    endsOn: formatDay(facts.endsOn),
    budget: budgetInWords(facts.budget),
    budgetSplit: budgetSplitInWords(facts.budget),
    meetingPattern: facts.meetingPattern,
    fee: formatFee(facts.feePence),
  };
}
