import { FormErrors, formValuesOf, typedText, type FormValues } from '../../platform/forms/forms.ts';
import type { CarriedPriority } from './closing.service.ts';
import type { PriorityRow } from './plans.service.ts';

/**
 * The close form. Its fields depend on the plan (one "what was achieved" per priority) and on how
 * many medium-term priorities the person has room for ("Add another" posts the form back with one
 * more row, so it works without JavaScript); zod's fixed shapes do not fit, so it is read here.
 */

export const MAX_CARRIED = 10;
const MAX_TEXT = 5_000;
const MAX_TITLE = 200;

export const achievedField = (priorityId: string) => `achieved-${priorityId}`;
export const carriedTitleField = (row: number) => `carried-${row}-title`;
export const carriedDetailField = (row: number) => `carried-${row}-detail`;

/** How many medium-term priority rows the form shows: as sent (within bounds), or three to start. */
export function carriedRows(values: FormValues): number {
  const sent = Number.parseInt(typedText(values, 'rows'), 10);
  return Number.isInteger(sent) ? Math.min(Math.max(sent, 1), MAX_CARRIED) : 3;
}

export type ClosingForm =
  | { kind: 'add-row'; values: FormValues }
  | { kind: 'invalid'; values: FormValues; errors: FormErrors }
  | { kind: 'valid'; values: FormValues; version: number; achieved: Map<string, string>; carried: CarriedPriority[] };

export function parseClosingForm(body: unknown, priorities: PriorityRow[]): ClosingForm {
  const values = formValuesOf(body);
  const rows = carriedRows(values);
  if (typedText(values, 'add') === 'row') {
    return { kind: 'add-row', values: { ...values, rows: String(Math.min(rows + 1, MAX_CARRIED)) } };
  }
  const problems: Array<{ field: string; message: string }> = [];
  const achieved = new Map<string, string>();
  for (const priority of priorities) {
    const field = achievedField(priority.id);
    const text = typedText(values, field).trim();
    if (text === '') problems.push({ field, message: `Say what “${priority.title}” achieved, even if it was little` });
    else if (text.length > MAX_TEXT) problems.push({ field, message: `Enter ${MAX_TEXT} characters or fewer` });
    else achieved.set(priority.id, text);
  }
  const carried: CarriedPriority[] = [];
  for (let row = 0; row < rows; row += 1) {
    const title = typedText(values, carriedTitleField(row)).trim();
    const detail = typedText(values, carriedDetailField(row)).trim();
    if (title === '' && detail === '') continue;
    if (title === '') {
      problems.push({
        field: carriedTitleField(row),
        message: 'Enter the medium-term priority, or clear what is written under it',
      });
    } else if (title.length > MAX_TITLE) {
      problems.push({ field: carriedTitleField(row), message: `Enter ${MAX_TITLE} characters or fewer` });
    } else if (detail.length > MAX_TEXT) {
      problems.push({ field: carriedDetailField(row), message: `Enter ${MAX_TEXT} characters or fewer` });
    } else carried.push({ title, detail });
  }
  if (problems.length > 0) return { kind: 'invalid', values, errors: new FormErrors(problems) };
  const version = Number.parseInt(typedText(values, 'version'), 10);
  return { kind: 'valid', values, version: Number.isInteger(version) ? version : -1, achieved, carried };
}
