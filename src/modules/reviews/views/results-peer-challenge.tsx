import type { VNode } from 'preact';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import type { FrameworkLevel } from '../../frameworks/index.ts';
import type { getPeerChallenge, PeerChallengeElement } from '../results.service.ts';
import { LevelOr, ResultsHeading, ResultsLinks, TableTop, TwoThirds } from './results-parts.tsx';

export type PeerChallenge = Awaited<ReturnType<typeof getPeerChallenge>>;

function TrustView({ element, levels }: { element: PeerChallengeElement; levels: FrameworkLevel[] }): VNode {
  const { trust } = element;
  if (trust.agreed) {
    return (
      <>
        <LevelOr levels={levels} levelKey={trust.levelKey} otherwise="Agreed" />
        <span class="govuk-visually-hidden"> (agreed)</span>
        {trust.rationale && <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{trust.rationale}</p>}
      </>
    );
  }
  if (trust.levelKey === null) return <>Not rated yet</>;
  return (
    <>
      <LevelOr levels={levels} levelKey={trust.levelKey} otherwise="" />
      <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Middle answer so far, not agreed</p>
    </>
  );
}

function PartnerRatings({
  element,
  levels,
  partnerName,
}: {
  element: PeerChallengeElement;
  levels: FrameworkLevel[];
  partnerName: string;
}): VNode {
  if (element.partner.length === 0) return <>No ratings from {partnerName} yet</>;
  return (
    <ul class="govuk-list govuk-!-margin-bottom-0">
      {element.partner.map((rater) => (
        <li>
          <strong>{rater.name}</strong>: <LevelOr levels={levels} levelKey={rater.levelKey} otherwise="No level yet" />
          {rater.comment && <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{rater.comment}</p>}
        </li>
      ))}
    </ul>
  );
}

/** `results`: whether the viewer also sees the trust's own results (a partner-trust rater does not). */
export function PeerChallengePage({ challenge, results }: { challenge: PeerChallenge; results: boolean }): VNode {
  const { review, partnerGroup, levels, headings } = challenge;
  const trustName = review.organisationName;
  const partnerName = review.partnerOrganisationName ?? `the ${partnerGroup.name.toLowerCase()}`;
  return (
    <>
      <ResultsHeading review={review} heading="Peer challenge" />
      <TwoThirds>
        <InsetText>
          Only the people taking part in this review, from {trustName} and from {partnerName}, can see this page. Nobody
          else at either trust can, and neither can Tandem’s staff.
        </InsetText>
        <p class="govuk-body">
          {trustName}’s view of each element beside how {partnerName} rated it, and why. {trustName}’s view is its
          agreed rating or, until one is agreed, the middle answer of its own people so far; who said what at{' '}
          {trustName} is not shown.
        </p>
        {review.anonymous && (
          <p class="govuk-body">This review is anonymous: individual ratings and comments are not shown.</p>
        )}
      </TwoThirds>
      {headings.map((heading) => (
        <table class="govuk-table">
          <TableTop
            caption={heading.name}
            columns={[
              { label: 'Element', classes: 'govuk-!-width-one-quarter' },
              { label: `${trustName}’s view`, classes: 'govuk-!-width-one-quarter' },
              `${partnerName}’s ratings and comments`,
            ]}
          />
          <tbody class="govuk-table__body">
            {heading.elements.map((element) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {element.name}
                </th>
                <td class="govuk-table__cell">
                  <TrustView element={element} levels={levels} />
                </td>
                <td class="govuk-table__cell">
                  <PartnerRatings element={element} levels={levels} partnerName={partnerName} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <TwoThirds>
        <ResultsLinks reviewId={review.id} current="peer-challenge" results={results} peerChallenge />
      </TwoThirds>
    </>
  );
}
