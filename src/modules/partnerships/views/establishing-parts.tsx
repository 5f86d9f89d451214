import type { VNode } from 'preact';
import type { PartnershipSide } from '../partnerships.tables.ts';

export { PartnershipCaption } from './partnership-parts.tsx';

export {
  type Difference,
  differencesOf,
  SavedMeanwhile,
  VersionField,
} from '../../../platform/forms/saved-meanwhile.tsx';
export { TwoThirds } from '../../../platform/views/two-thirds.tsx';

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

/** Text as written, its line breaks kept. */
export function Written({ text, empty = 'Not written yet' }: { text: string; empty?: string }): VNode {
  return text.trim() ? <p class="govuk-body tandem-pre-line">{text}</p> : <p class="govuk-body govuk-hint">{empty}</p>;
}
