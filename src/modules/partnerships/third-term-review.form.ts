import { FormErrors, formValuesOf, typedText, type FormValues } from '../../platform/forms/forms.ts';
import type { Decision } from './third-term-decision.service.ts';
import type { ProgressEntry, ReviewPage } from './third-term-review.service.ts';
import { progressField, versionField } from './views/review-page.tsx';

/**
 * The review and decision forms. The review form has one box per goal, so zod's fixed shapes do
 * not fit; the decision is one of two forms, told apart by the button pressed.
 */

const MAX_TEXT = 10_000;
const MAX_FEE_POUNDS = 1_000_000;

export type Parsed<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; values: FormValues; errors: FormErrors };

/** Missing, it is 0 (no view yet), which a view already written never matches; anything else not a number matches none. */
const versionOf = (text: string) => (text === '' ? 0 : /^\d{1,9}$/.test(text) ? Number.parseInt(text, 10) : -1);

/** The actor's side's progress on each goal as typed: an empty box is left unwritten, unless it was written before. */
export function parseReviewForm(body: unknown, page: ReviewPage): Parsed<{ side: string; entries: ProgressEntry[] }> {
  const values = formValuesOf(body);
  const problems: Array<{ field: string; message: string }> = [];
  const entries: ProgressEntry[] = [];
  for (const goal of page.goals) {
    const field = progressField(goal.id);
    const progress = typedText(values, field).trim();
    const written = page.reviews.some((each) => each.goalId === goal.id && each.side === page.me.side);
    if (progress === '') {
      if (written)
        problems.push({ field, message: `Write the progress on “${goal.title}”: a view once written stays` });
    } else if (progress.length > MAX_TEXT) {
      problems.push({ field, message: 'Enter 10,000 characters or fewer' });
    } else {
      entries.push({ goalId: goal.id, progress, version: versionOf(typedText(values, versionField(goal.id))) });
    }
  }
  const [first] = page.goals;
  if (problems.length === 0 && entries.length === 0 && first) {
    problems.push({ field: progressField(first.id), message: 'Write the progress on at least one goal' });
  }
  if (problems.length > 0) return { ok: false, values, errors: new FormErrors(problems) };
  return { ok: true, values, data: { side: typedText(values, 'side'), entries } };
}

/** "£2,500.50" → 250050 pence; null for anything that is not an amount of money. */
export function penceOf(typed: string): number | null {
  const amount = typed.replace(/[\s,]/g, '').replace(/^£/, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return null;
  const pounds = Number.parseInt(match[1] ?? '0', 10);
  const pence = Number.parseInt((match[2] ?? '0').padEnd(2, '0'), 10);
  return pounds * 100 + pence;
}

export function parseDecisionForm(body: unknown): Parsed<Decision> {
  const values = formValuesOf(body);
  const invalid = (field: string, message: string) => ({
    ok: false as const,
    values,
    errors: new FormErrors([{ field, message }]),
  });
  const decision = typedText(values, 'decision');
  if (decision === 'extend') {
    const typed = typedText(values, 'fee').trim();
    if (typed === '') return invalid('fee', 'Enter the fee agreed for the further year, or 0 if there is none');
    const feePence = penceOf(typed);
    if (feePence === null) return invalid('fee', 'Enter the fee in pounds, like 2500 or 2500.50');
    if (feePence > MAX_FEE_POUNDS * 100) return invalid('fee', 'Enter a fee of £1,000,000 or less');
    return { ok: true, values, data: { kind: 'extend', feePence } };
  }
  if (decision === 'close') {
    const sustainNote = typedText(values, 'sustainNote').trim();
    if (sustainNote === '') return invalid('sustainNote', 'Write what the mentee will keep doing without a mentor');
    if (sustainNote.length > MAX_TEXT) return invalid('sustainNote', 'Enter 10,000 characters or fewer');
    return { ok: true, values, data: { kind: 'close', sustainNote } };
  }
  return invalid('fee', 'Choose to extend the partnership for a further year or to close it');
}
