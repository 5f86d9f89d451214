import { z } from 'zod';
import { choice, creationKey, email, optionalText, recordVersion, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, formValuesOf, type FormValues } from '../../platform/forms/forms.ts';
import { partnershipKinds, type PartnershipKind } from './partnerships.tables.ts';
import {
  BUDGET_COMPONENT_LABELS,
  BUDGET_COMPONENTS,
  timeBudgetProblems,
  type BudgetComponent,
  type TimeBudget,
} from './time-budget.ts';

/** A service's kind in words. */
export const serviceKindLabels: Record<PartnershipKind, string> = {
  ceo_mentoring: 'CEO mentoring',
  trust_to_trust: 'Trust-to-trust',
  peer_triad: 'Peer triad',
  coaching: 'Coaching',
};

/** The form field holding each part of the time budget, in hours as typed. */
export const budgetFields: Record<BudgetComponent, string> = {
  reading: 'readingHours',
  'school-visits': 'schoolVisitsHours',
  establishing: 'establishingHours',
  meetings: 'meetingsHours',
};

const HOURS = /^(\d{1,4})(?:\.(\d{1,4}))?$/;

/**
 * Hours as people type them ("7", "3.5", "0.25") in minutes, exactly: a fraction that is no
 * whole number of minutes stays fractional, for `timeBudgetProblems` to say so. Null when it is no number.
 */
export function minutesFromHours(typed: string): number | null {
  const match = HOURS.exec(typed.trim().replace(/\s*hours?$/i, ''));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  const scale = 10 ** fraction.length;
  return ((Number(whole) * scale + Number(fraction || '0')) * 60) / scale;
}

/** Minutes as the hours field shows them: "7", "3.5", "0.25". */
export function hoursFromMinutes(minutes: number): string {
  return String(Math.round((minutes / 60) * 10_000) / 10_000);
}

const MAXIMUM_FEE_PENCE = 100_000_000;
const POUNDS = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?$/;

/** "£2,500", "2500", "2,500.50" in pence; null when it is no amount of money. */
export function penceFromPounds(typed: string): number | null {
  const match = POUNDS.exec(typed.trim());
  if (!match) return null;
  const [, pounds = '0', pence = '00'] = match;
  return Number(pounds.replaceAll(',', '')) * 100 + Number(pence);
}

const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

/** "£2,500", "£2,500.50", or "No fee". */
export function formatPounds(pence: number): string {
  if (pence === 0) return 'No fee';
  return (pence % 100 === 0 ? wholePounds : poundsAndPence).format(pence / 100);
}

/** Pence as the fee field shows them: "2500", "2500.50". */
export function poundsFromPence(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

const serviceFields = z.object({
  name: requiredText('Enter the name of the service', { maxLength: 200 }),
  kind: choice(partnershipKinds, 'Select the kind of mentoring'),
  description: optionalText({ maxLength: 5_000 }),
  termMonths: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : ''),
    z
      .string()
      .min(1, { error: 'Enter the length of the term in months' })
      .regex(/^\d{1,3}$/, { error: 'Enter the length of the term as a whole number of months, like 12' })
      .transform(Number)
      .pipe(
        z.number().min(1, { error: 'The term must be between 1 and 36 months' }).max(36, {
          error: 'The term must be between 1 and 36 months',
        }),
      ),
  ),
  readingHours: z.unknown(),
  schoolVisitsHours: z.unknown(),
  establishingHours: z.unknown(),
  meetingsHours: z.unknown(),
  meetingPattern: requiredText('Enter the suggested meeting pattern', { maxLength: 500 }),
  fee: z.unknown(),
  agreementTemplate: requiredText('Enter the agreement template', { maxLength: 50_000 }),
  open: choice(['yes', 'no'], 'Select whether the service is open to enquiries'),
  provider: optionalText({ maxLength: 100 }),
  creationKey,
  version: recordVersion,
});

export interface ServiceDetails {
  name: string;
  kind: PartnershipKind;
  description: string;
  termMonths: number;
  budget: TimeBudget;
  meetingPattern: string;
  feePence: number;
  agreementTemplate: string;
  open: boolean;
}

export type ServiceFormResult =
  | {
      ok: true;
      details: ServiceDetails;
      provider: string;
      creationKey: string;
      version: number;
      values: FormValues;
    }
  | { ok: false; errors: FormErrors; values: FormValues };

/** The order the form shows its fields, so the error summary reads top to bottom. */
const fieldOrder = [
  'provider',
  'name',
  'kind',
  'description',
  'termMonths',
  ...Object.values(budgetFields),
  'budget',
  'meetingPattern',
  'fee',
  'agreementTemplate',
  'open',
];

/** Checks a service form: its fields, the hours of each part of the budget, and the fee in pounds. */
export function parseServiceForm(body: unknown): ServiceFormResult {
  const values = formValuesOf(body);
  const typed = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  const result = serviceFields.safeParse(values);
  const problems: Array<{ field: string; message: string }> = result.success
    ? []
    : result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));

  const minutes = {} as Record<BudgetComponent, number>;
  let hoursReadable = true;
  for (const component of BUDGET_COMPONENTS) {
    const field = budgetFields[component];
    const label = BUDGET_COMPONENT_LABELS[component].toLowerCase();
    const text = typed(field);
    const parsed = text === '' ? null : minutesFromHours(text);
    if (text === '') problems.push({ field, message: `Enter the hours for ${label}, or 0` });
    else if (parsed === null) {
      problems.push({ field, message: `Enter the hours for ${label} as a number, like 7 or 3.5` });
    }
    if (parsed === null) hoursReadable = false;
    else minutes[component] = parsed;
  }
  if (hoursReadable) {
    const totalMinutes = BUDGET_COMPONENTS.reduce((total, component) => total + minutes[component], 0);
    for (const problem of timeBudgetProblems({ totalMinutes, minutes })) {
      const field = problem.field === 'total' ? 'budget' : budgetFields[problem.field];
      problems.push({ field, message: problem.message });
    }
  }

  const feeText = typed('fee');
  const feePence = feeText === '' ? null : penceFromPounds(feeText);
  if (feeText === '') problems.push({ field: 'fee', message: 'Enter the fee in pounds, or 0 if there is none' });
  else if (feePence === null) problems.push({ field: 'fee', message: 'Enter the fee in pounds, like 2500 or £2,500' });
  else if (feePence > MAXIMUM_FEE_PENCE) problems.push({ field: 'fee', message: 'The fee must be £1,000,000 or less' });

  if (!result.success || problems.length > 0 || feePence === null) {
    const rank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
    problems.sort((a, b) => rank(a.field) - rank(b.field));
    return { ok: false, errors: new FormErrors(problems, { budget: budgetFields.reading }), values };
  }
  const data = result.data;
  const totalMinutes = BUDGET_COMPONENTS.reduce((total, component) => total + minutes[component], 0);
  return {
    ok: true,
    details: {
      name: data.name,
      kind: data.kind,
      description: data.description,
      termMonths: data.termMonths,
      budget: { totalMinutes, minutes },
      meetingPattern: data.meetingPattern,
      feePence,
      agreementTemplate: data.agreementTemplate,
      open: data.open === 'yes',
    },
    provider: data.provider,
    creationKey: data.creationKey,
    version: data.version,
    values,
  };
}

/** The public enquiry form. `website` is a trap for robots: people never see it, so never fill it. */
export const enquiryForm = z.object({
  name: requiredText('Enter your name', { maxLength: 200 }),
  email: email('Enter your email address'),
  jobTitle: optionalText({ maxLength: 200 }),
  organisationName: requiredText('Enter the name of your trust or organisation', { maxLength: 300 }),
  message: requiredText('Enter your message', { maxLength: 5_000, whenTooLong: 'Enter 5,000 characters or fewer' }),
  website: optionalText({ maxLength: 10_000 }),
  creationKey,
});

export const triageDecisions = ['accept', 'refer', 'close'] as const;
export type TriageDecision = (typeof triageDecisions)[number];

export const triageForm = z
  .object({
    decision: choice(triageDecisions, 'Select what to do with the enquiry'),
    note: optionalText({ maxLength: 2_000, whenTooLong: 'Enter 2,000 characters or fewer' }),
  })
  .superRefine((form, context) => {
    if (form.decision === 'refer' && form.note === '') {
      context.addIssue({ code: 'custom', path: ['note'], message: 'Enter where you referred them' });
    }
    if (form.decision === 'close' && form.note === '') {
      context.addIssue({ code: 'custom', path: ['note'], message: 'Enter why you are closing the enquiry' });
    }
  });
