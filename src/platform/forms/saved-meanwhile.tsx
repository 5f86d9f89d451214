import type { VNode } from 'preact';
import { TableHead } from '../views/components/table.tsx';
import { formatLondonDateTime } from '../views/london-time.ts';
import type { FormValues } from './forms.ts';

/**
 * What a form shows when its save was refused because someone saved first (ARCHITECTURE.md:
 * "the second save is told what changed and loses nothing it typed"): the differences between
 * what is saved now and what was typed, and the version the form carries.
 */

/** One field where what is saved now differs from what was typed. */
export interface Difference {
  label: string;
  saved: string;
  typed: string;
}

/** The differences between two sets of field values, each given as [label, saved, typed]. */
export function differencesOf(fields: Array<[string, string, string]>): Difference[] {
  return fields
    .filter(([, saved, typed]) => saved.trim() !== typed.trim())
    .map(([label, saved, typed]) => ({ label, saved, typed }));
}

/** A coded value's label ("in_progress" → "In progress"); anything else as it was sent. */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string {
  return value in labels ? labels[value as T] : value;
}

/**
 * Who saved and when (when known), what is saved now where it differs from what was typed, and
 * that what was typed is kept below.
 */
export function SavedMeanwhile({
  savedBy = null,
  savedAt,
  differences,
}: {
  savedBy?: string | null;
  savedAt: Date | null;
  differences: Difference[];
}): VNode {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else saved this while you were editing it</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            {savedBy ? `${savedBy} saved it` : 'It was saved'}
            {savedAt ? ` at ${formatLondonDateTime(savedAt)}` : ''}. Nothing you typed has been saved yet.
          </p>
          {differences.length > 0 ? (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">What is saved now</caption>
              <TableHead head={[{ text: 'Field' }, { text: 'Saved now' }, { text: 'You typed' }]} />
              <tbody class="govuk-table__body">
                {differences.map((difference) => (
                  <tr class="govuk-table__row" key={difference.label}>
                    <th scope="row" class="govuk-table__header">
                      {difference.label}
                    </th>
                    <td class="govuk-table__cell tandem-pre-line">{difference.saved || '(empty)'}</td>
                    <td class="govuk-table__cell tandem-pre-line">{difference.typed || '(empty)'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="govuk-body">What is saved now is the same as what you typed.</p>
          )}
          <p class="govuk-body">
            What you typed is kept below. Save again to replace what is saved now, or leave this page to keep it.
          </p>
        </div>
      </div>
    </div>
  );
}

/**
 * The version a form was opened on. Shown again after a mistake, it stays the one first opened, so
 * a save made by someone else meanwhile is still caught; after a refused stale save, it is the
 * version saved now, so saving again replaces it on purpose.
 */
export function VersionField({
  name = 'version',
  values,
  saved,
  stale,
}: {
  /** Another name, for a form that carries several versions. */
  name?: string;
  values: FormValues;
  saved: number;
  stale: number | null;
}): VNode {
  const typed = values[name];
  const opened = typeof typed === 'string' && /^\d+$/.test(typed) ? typed : String(saved);
  return <input type="hidden" name={name} value={stale === null ? opened : String(stale)} />;
}
