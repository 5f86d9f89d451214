import { z } from 'zod';
import { auditActions, type AuditAction } from '../../platform/audit/audit.ts';
import { dateBoxes, dateLeftEmpty, dateProblem, typedDate, type DateField } from '../../platform/forms/date-fields.ts';
import { choice, optionalText } from '../../platform/forms/fields.ts';

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
  from: { name: 'from', label: 'Date from' },
  to: { name: 'to', label: 'Date to' },
} as const satisfies Record<string, DateField>;

export type DateFilter = keyof typeof dateInputs;

const filterFields = z.object({
  action: choice(['', ...auditActions], 'Select an action from the list'),
  person: optionalText({ maxLength: 320, whenTooLong: 'Email address must be 320 characters or fewer' }),
  ...dateBoxes(dateInputs.from),
  ...dateBoxes(dateInputs.to),
});

/** A date filter's problem: none when it is left empty (no limit) or is a real date. */
const filterProblem = (values: Record<string, unknown>, field: DateField) =>
  dateLeftEmpty(values, field.name) ? null : dateProblem(values, field);

/** The day a date filter names, or null when it names none. */
const dateOrNull = (values: Record<string, unknown>, field: DateField) =>
  filterProblem(values, field) || dateLeftEmpty(values, field.name) ? null : typedDate(values, field.name);

export const auditLogFilterSchema = filterFields
  .superRefine((values, context) => {
    for (const field of [dateInputs.from, dateInputs.to]) {
      const problem = filterProblem(values, field);
      if (problem) context.addIssue({ code: 'custom', path: [field.name], message: problem });
    }
    const from = dateOrNull(values, dateInputs.from);
    const to = dateOrNull(values, dateInputs.to);
    if (from && to && to < from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'Date to must be the same as or after date from' });
    }
  })
  .transform((values): AuditLogFilters => ({
    action: values.action === '' ? null : values.action,
    person: values.person === '' ? null : values.person,
    from: dateOrNull(values, dateInputs.from),
    to: dateOrNull(values, dateInputs.to),
  }));
