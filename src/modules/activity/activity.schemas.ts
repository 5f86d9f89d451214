import { z } from 'zod';
import { auditActions, type AuditAction } from '../../platform/audit/audit.ts';
import { choice, optionalText } from '../../platform/forms/fields.ts';
import type { FormValues } from '../../platform/forms/forms.ts';
import { isoDate, isRealDate, type CalendarDate } from '../../platform/views/london-time.ts';

/** The audit log's filters as the page's GET form sends them. */
export interface AuditLogFilters {
  action: AuditAction | null;
  /** Part of an email address, matched without regard to case. */
  person: string | null;
  /** London calendar days, "2026-11-24", both inclusive. */
  from: string | null;
  to: string | null;
}

export const dateInputs = {
  from: { label: 'Date from', prefix: 'from' },
  to: { label: 'Date to', prefix: 'to' },
} as const;

type DateField = keyof typeof dateInputs;
const boxes = ['day', 'month', 'year'] as const;
type Box = (typeof boxes)[number];

// Long input is only ever a wrong date: say so, rather than count characters at people.
const datePart = (label: string) => optionalText({ maxLength: 20, whenTooLong: `${label} must be a real date` });

const filterFields = z.object({
  action: choice(['', ...auditActions], 'Select an action from the list'),
  person: optionalText({ maxLength: 320, whenTooLong: 'Email address must be 320 characters or fewer' }),
  'from-day': datePart(dateInputs.from.label),
  'from-month': datePart(dateInputs.from.label),
  'from-year': datePart(dateInputs.from.label),
  'to-day': datePart(dateInputs.to.label),
  'to-month': datePart(dateInputs.to.label),
  'to-year': datePart(dateInputs.to.label),
});

type FilterFields = z.output<typeof filterFields>;

function typedParts(values: FilterFields, field: DateField): Record<Box, string> {
  const { prefix } = dateInputs[field];
  return { day: values[`${prefix}-day`], month: values[`${prefix}-month`], year: values[`${prefix}-year`] };
}

/** What is wrong with a typed date, in GOV.UK's words; nothing when it is empty or a real date. */
function dateProblem(parts: Record<Box, string>, label: string): string | null {
  const missing = boxes.filter((box) => parts[box] === '');
  if (missing.length === boxes.length) return null;
  if (missing.length > 0) return `${label} must include a ${missing.join(' and ')}`;
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
    return `${label} must be a real date`;
  }
  return isRealDate(calendarDate(parts)) ? null : `${label} must be a real date`;
}

function calendarDate(parts: Record<Box, string>): CalendarDate {
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

function dateOrNull(parts: Record<Box, string>): string | null {
  return parts.day === '' ? null : isoDate(calendarDate(parts));
}

export const auditLogFilterSchema = filterFields
  .superRefine((values, context) => {
    for (const field of ['from', 'to'] as const) {
      const problem = dateProblem(typedParts(values, field), dateInputs[field].label);
      if (problem) context.addIssue({ code: 'custom', path: [field], message: problem });
    }
    const from = dateOrNull(typedParts(values, 'from'));
    const to = dateOrNull(typedParts(values, 'to'));
    if (from && to && to < from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'Date to must be the same as or after date from' });
    }
  })
  .transform((values): AuditLogFilters => ({
    action: values.action === '' ? null : values.action,
    person: values.person === '' ? null : values.person,
    from: dateOrNull(typedParts(values, 'from')),
    to: dateOrNull(typedParts(values, 'to')),
  }));

function typedBox(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The boxes of a date input to mark as wrong: the empty ones when some were filled,
 * otherwise all three (the date as a whole is not real).
 */
export function dateBoxesInError(values: FormValues, field: DateField): Box[] {
  const { prefix } = dateInputs[field];
  const missing = boxes.filter((box) => typedBox(values, `${prefix}-${box}`) === '');
  return missing.length > 0 && missing.length < boxes.length ? missing : [...boxes];
}

/** Where each date's error summary link goes: the first box to fix. */
export function dateFieldIds(values: FormValues): Record<DateField, string> {
  return {
    from: `from-${dateBoxesInError(values, 'from')[0] ?? 'day'}`,
    to: `to-${dateBoxesInError(values, 'to')[0] ?? 'day'}`,
  };
}
