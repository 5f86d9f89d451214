import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { LevelLabel } from '../../frameworks/index.ts';
import { benchmarkPaths } from '../benchmarks.paths.ts';
import { reviewDoneMessages, reviewPaths, type ReviewDone } from '../reviews.paths.ts';
import type { ReviewOverview } from '../reviews.service.ts';
import { ReviewState } from './review-list-pages.tsx';

function Facts({ overview }: { overview: ReviewOverview }): VNode {
  const { review } = overview;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return (
    <SummaryList
      rows={[
        row('Organisation', review.organisationName),
        row('Framework', `${overview.frameworkName} (version ${overview.frameworkVersionNumber})`),
        row('Covers', `${overview.elementCount} elements`),
        row('Answers', review.anonymous ? `Anonymous (shown from ${review.minimumResponses} answers)` : 'Named'),
        row('Started', formatLondonDate(review.createdAt)),
        ...(review.partnerOrganisationName ? [row('Partner trust', review.partnerOrganisationName)] : []),
      ]}
    />
  );
}

function Links({ overview }: { overview: ReviewOverview }): VNode {
  const { review, access, me, groups, participants } = overview;
  const hasPartner = groups.some((group) => group.partner && participants.some((each) => each.groupId === group.id));
  const links: Array<[string, string]> = [];
  if (me?.groupId)
    links.push([reviewPaths.rate(review.id), `Your ratings (${me.rated} of ${overview.elementCount} rated)`]);
  if (access.results) {
    links.push([reviewPaths.heatMap(review.id), 'Heat map']);
    links.push([reviewPaths.groupComparison(review.id), 'Group comparison']);
    links.push([reviewPaths.history(review.id), 'History: this review beside the last one']);
    links.push([benchmarkPaths.benchmarks(review.id), 'Benchmarks: beside other trusts’ agreed ratings']);
  }
  if (access.participant && (hasPartner || review.partnerOrganisationId)) {
    links.push([reviewPaths.peerChallenge(review.id), 'Peer challenge']);
  }
  if (access.lead) links.push([reviewPaths.groups(review.id), 'Groups']);
  return (
    <ul class="govuk-list">
      {links.map(([href, text]) => (
        <li key={href}>
          <a class="govuk-link" href={href}>
            {text}
          </a>
        </li>
      ))}
    </ul>
  );
}

function People({ overview }: { overview: ReviewOverview }): VNode | null {
  const { review, access, groups, participants } = overview;
  if (participants.length === 0 && !access.lead) return null;
  const groupName = (id: string | null) => groups.find((group) => group.id === id)?.name ?? 'No group';
  return (
    <>
      <h2 class="govuk-heading-m">People taking part</h2>
      {access.lead && review.status === 'open' && (
        <Button href={reviewPaths.participantNew(review.id)} text="Add a person" classes="govuk-button--secondary" />
      )}
      <table class="govuk-table">
        <caption class="govuk-visually-hidden">People taking part, their group and progress</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Name
            </th>
            <th scope="col" class="govuk-table__header">
              Group
            </th>
            <th scope="col" class="govuk-table__header">
              Rated
            </th>
            {access.lead && review.status === 'open' && (
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {participants.map((participant) => (
            <tr class="govuk-table__row" key={participant.id}>
              <td class="govuk-table__cell">
                {participant.displayName}
                {participant.lead && <strong class="govuk-tag govuk-tag--purple govuk-!-margin-left-2">Lead</strong>}
              </td>
              <td class="govuk-table__cell">{participant.groupId ? groupName(participant.groupId) : 'Leads only'}</td>
              <td class="govuk-table__cell">
                {participant.groupId ? `${participant.rated} of ${overview.elementCount}` : '—'}
              </td>
              {access.lead && review.status === 'open' && (
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={reviewPaths.participantRemove(review.id, participant.id)}>
                    Remove<span class="govuk-visually-hidden"> {participant.displayName}</span>
                  </a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Agreement({ overview }: { overview: ReviewOverview }): VNode | null {
  const { review, agreement, levels } = overview;
  if (agreement.length === 0) return null;
  const open = review.status === 'open';
  return (
    <>
      <h2 class="govuk-heading-m">Agreed ratings</h2>
      {agreement.map((heading) => (
        <table class="govuk-table" key={heading.key}>
          <caption class="govuk-table__caption govuk-table__caption--s">{heading.name}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header govuk-!-width-one-half">
                Element
              </th>
              <th scope="col" class="govuk-table__header">
                Agreed rating
              </th>
              {open && (
                <th scope="col" class="govuk-table__header">
                  <span class="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {heading.elements.map((element) => {
              const level = levels.find((each) => each.key === element.agreed);
              return (
                <tr class="govuk-table__row" key={element.key}>
                  <td class="govuk-table__cell">{element.name}</td>
                  <td class="govuk-table__cell">{level ? <LevelLabel level={level} /> : 'Not agreed yet'}</td>
                  {open && (
                    <td class="govuk-table__cell">
                      <a class="govuk-link" href={reviewPaths.agree(review.id, element.key)}>
                        {level ? 'Change' : 'Agree'}
                        <span class="govuk-visually-hidden"> the rating of {element.name}</span>
                      </a>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      {open && <Button href={reviewPaths.close(review.id)} text="Close the review" classes="govuk-button--warning" />}
    </>
  );
}

export function ReviewPage({ overview, done }: { overview: ReviewOverview; done: ReviewDone | null }): VNode {
  const { review, access } = overview;
  return (
    <>
      {done && <NotificationBanner type="success" text={reviewDoneMessages[done]} />}
      <span class="govuk-caption-l">{review.organisationName}</span>
      <h1 class="govuk-heading-l">
        {review.title} <ReviewState review={review} />
      </h1>
      <Facts overview={overview} />
      {access.participant ? (
        <Links overview={overview} />
      ) : (
        <InsetText text="You can see that this review exists and its state. Its ratings and the people taking part are for those taking part only." />
      )}
      <People overview={overview} />
      <Agreement overview={overview} />
    </>
  );
}
