import type { VNode } from 'preact';
import type { ElementComparison, GroupAnswer } from '../review-results.ts';
import type { GroupComparisonPage as Comparison } from '../results.service.ts';
import {
  ElementHeader,
  LevelOr,
  NOT_ENOUGH,
  plural,
  ResultsHeading,
  ResultsLinks,
  ScrollingTable,
  TableTop,
  TwoThirds,
} from './results-parts.tsx';

/** How far apart the groups are, in words: the number alone would not say what it measures. */
export function spreadInWords(comparison: ElementComparison): string {
  const answered = comparison.groups.filter((group) => group.levelKey !== null).length;
  if (answered < 2) return 'Fewer than 2 groups to compare';
  if (comparison.spread === 0) return 'Groups agree';
  return `Groups differ by ${plural(comparison.spread, 'level', 'levels')}`;
}

function GroupCell({ answer, levels }: { answer: GroupAnswer | undefined; levels: Comparison['levels'] }): VNode {
  const otherwise = !answer || answer.responses === 0 ? 'No answers' : NOT_ENOUGH;
  return (
    <td class="govuk-table__cell">
      <LevelOr levels={levels} levelKey={answer?.levelKey ?? null} otherwise={otherwise} />
    </td>
  );
}

export function GroupComparisonPage({
  comparison,
  peerChallenge,
}: {
  comparison: Comparison;
  peerChallenge: boolean;
}): VNode {
  const { review, groups, elements, comparisons, levels } = comparison;
  return (
    <>
      <ResultsHeading review={review} heading="Group comparison" />
      <TwoThirds>
        <p class="govuk-body">
          Each group’s middle answer for each element: half the group chose this level or a weaker one. Where groups see
          the trust differently is where a conversation is worth having.
        </p>
        {review.anonymous && (
          <p class="govuk-body">
            This review is anonymous: a group’s answer is shown only once at least {review.minimumResponses} people in
            it have answered.
          </p>
        )}
      </TwoThirds>
      <ScrollingTable label="Group comparison">
        <table class="govuk-table">
          <TableTop
            caption="Middle answer of each group, the elements where groups differ most first"
            columns={['Element', 'Difference', ...groups.map((group) => group.name)]}
          />
          <tbody class="govuk-table__body">
            {comparisons.map((row) => {
              const element = elements.get(row.elementKey);
              return (
                <tr class="govuk-table__row">
                  <ElementHeader name={element?.name ?? row.elementKey} headingName={element?.headingName} />
                  <td class="govuk-table__cell">{spreadInWords(row)}</td>
                  {groups.map((group) => (
                    <GroupCell answer={row.groups.find((each) => each.groupId === group.id)} levels={levels} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollingTable>
      <TwoThirds>
        <ResultsLinks reviewId={review.id} current="group-comparison" results peerChallenge={peerChallenge} />
      </TwoThirds>
    </>
  );
}
