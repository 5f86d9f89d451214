import type { VNode } from 'preact';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import type { Movement } from '../review-results.ts';
import type { getHistory, HistoryRow } from '../results.service.ts';
import {
  ElementHeader,
  LevelOr,
  ResultsHeading,
  ResultsLinks,
  ScrollingTable,
  TableTop,
  TwoThirds,
} from './results-parts.tsx';

export type History = Awaited<ReturnType<typeof getHistory>>;

const movementWords: Record<Movement, string> = {
  up: 'Up',
  down: 'Down',
  same: 'No change',
  new: 'New',
  'not-agreed': 'Not agreed yet',
};

/** How each count reads in the summary line, in the order it is told. */
const summaryPhrases: Array<[Movement, (count: number) => string]> = [
  ['up', () => 'moved up'],
  ['down', () => 'moved down'],
  ['same', () => 'did not change'],
  ['new', (count) => `${count === 1 ? 'was' : 'were'} not agreed last time`],
  ['not-agreed', (count) => `${count === 1 ? 'is' : 'are'} not agreed yet`],
];

/** "3 elements moved up, 1 moved down and 8 did not change": the table's story in one line. */
export function summaryOfMovements(rows: ReadonlyArray<{ movement: Movement }>): string {
  const phrases = summaryPhrases.flatMap(([movement, phrase]) => {
    const count = rows.filter((row) => row.movement === movement).length;
    return count === 0 ? [] : [{ count, text: phrase(count) }];
  });
  const told = phrases.map(({ count, text }, index) =>
    index === 0 ? `${count} ${count === 1 ? 'element' : 'elements'} ${text}` : `${count} ${text}`,
  );
  const last = told.pop();
  if (last === undefined) return 'This review covers no elements.';
  return `${told.length > 0 ? `${told.join(', ')} and ${last}` : last}.`;
}

function HistoryTable({ history }: { history: History }): VNode {
  const { rows, levels } = history;
  const level = (key: string | null, otherwise: string) => (
    <LevelOr levels={levels} levelKey={key} otherwise={otherwise} />
  );
  return (
    <ScrollingTable label="Agreed levels then and now">
      <table class="govuk-table">
        <TableTop
          caption="Agreed levels then and now"
          columns={['Element', 'Previous review', 'This review', 'Movement']}
        />
        <tbody class="govuk-table__body">
          {rows.map((row: HistoryRow) => (
            <tr class="govuk-table__row">
              <ElementHeader name={row.name} headingName={row.headingName} />
              <td class="govuk-table__cell">{level(row.previous, 'Not agreed')}</td>
              <td class="govuk-table__cell">{level(row.current, 'Not agreed yet')}</td>
              <td class="govuk-table__cell">{movementWords[row.movement]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

export function HistoryPage({ history, peerChallenge }: { history: History; peerChallenge: boolean }): VNode {
  const { review, previous } = history;
  return (
    <>
      <ResultsHeading review={review} heading="History" />
      <TwoThirds>
        {previous ? (
          <>
            <p class="govuk-body">
              This review’s agreed levels beside those of the previous closed review of {review.organisationName} with
              the same framework, {previous.title}
              {previous.closedAt ? `, closed on ${formatLondonDate(previous.closedAt)}` : ''}.
            </p>
            <p class="govuk-body govuk-!-font-weight-bold">{summaryOfMovements(history.rows)}</p>
          </>
        ) : (
          <InsetText>
            This is the first review of {review.organisationName} with this framework in Tandem: there is no earlier
            closed review to compare it with.
          </InsetText>
        )}
      </TwoThirds>
      {previous && <HistoryTable history={history} />}
      <TwoThirds>
        <ResultsLinks reviewId={review.id} current="history" results peerChallenge={peerChallenge} />
      </TwoThirds>
    </>
  );
}
