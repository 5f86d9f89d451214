import type { ComponentChildren, VNode } from 'preact';
import type { FormValues } from '../../../platform/forms/forms.ts';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { PartnershipSide } from '../partnerships.tables.ts';

/** Pieces shared by the establishing, goal and review pages. */

export const sideLabels: Record<PartnershipSide, string> = {
  mentor: 'Mentor side',
  mentee: 'Mentee side',
  peer: 'Peers',
};

/** What a page says after a form sent there worked (`?done=…`). */
export const establishingDoneMessages = {
  saved: 'The establishing record is saved',
  'goal-added': 'The goal is added',
  'goal-saved': 'The goal is saved',
  'meetings-started': 'Establishing is done: the meetings have started',
  'review-saved': 'Your side’s view is saved',
  closed: 'The partnership is closed',
} as const;

export type EstablishingDone = keyof typeof establishingDoneMessages;

export function doneFrom(query: unknown): EstablishingDone | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in establishingDoneMessages ? (done as EstablishingDone) : null;
}

/** Text kept to two thirds of the page, as GOV.UK pages keep lines easy to read. */
export function TwoThirds({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** Which partnership, above a page's heading. */
export function PartnershipCaption({ partnership }: { partnership: { title: string } }): VNode {
  return <span class="govuk-caption-l">{partnership.title}</span>;
}

/** Text as written, its line breaks kept. */
export function Written({ text, empty = 'Not written yet' }: { text: string; empty?: string }): VNode {
  return text.trim() ? <p class="govuk-body tandem-pre-line">{text}</p> : <p class="govuk-body govuk-hint">{empty}</p>;
}

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

/**
 * Shown when a save was refused because someone saved first: who and when, what is saved now
 * where it differs from what was typed, and that what was typed is kept below.
 */
export function SavedMeanwhile({
  savedBy,
  savedAt,
  differences,
}: {
  savedBy: string | null;
  savedAt: Date;
  differences: Difference[];
}): VNode {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else saved this while you were editing it</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            {savedBy ? `${savedBy} saved it` : 'It was saved'} at {formatLondonDateTime(savedAt)}. Nothing you typed has
            been saved yet.
          </p>
          {differences.length > 0 ? (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">What is saved now</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    Field
                  </th>
                  <th scope="col" class="govuk-table__header">
                    Saved now
                  </th>
                  <th scope="col" class="govuk-table__header">
                    You typed
                  </th>
                </tr>
              </thead>
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
 * The version a form was opened on (0: nothing saved yet). Shown again after a mistake, it stays
 * the one first opened, so a save made meanwhile is still caught; after a refused stale save, it is
 * the version saved now, so saving again replaces it on purpose.
 */
export function VersionField({
  name = 'version',
  values,
  saved,
  stale,
}: {
  name?: string;
  values: FormValues;
  saved: number;
  stale: number | null;
}): VNode {
  const typed = values[name];
  const opened = typeof typed === 'string' && /^\d+$/.test(typed) ? typed : String(saved);
  return <input type="hidden" name={name} value={stale === null ? opened : String(stale)} />;
}
