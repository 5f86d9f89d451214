import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { MatchingView, StoredPreferences } from '../matching.service.ts';
import { PHASE_LABELS, TRUST_SIZE_LABELS } from '../mentor-profile-terms.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { ConversationList } from './chemistry-parts.tsx';
import { PartnershipCaption } from './partnership-parts.tsx';

const listOr = (items: readonly string[], none: string) => (items.length > 0 ? items.join(', ') : none);

function Preferences({ preferences }: { preferences: StoredPreferences | null }): VNode {
  if (!preferences) {
    return (
      <p class="govuk-body">
        The mentee has not given their preferences yet: mentors are ranked on their places left alone.
      </p>
    );
  }
  const wants = [
    ...(preferences.wantsGrowthExperience ? ['has grown a trust'] : []),
    ...(preferences.wantsMergerExperience ? ['has led a merger'] : []),
  ];
  return (
    <SummaryList
      rows={[
        { key: { text: 'Experience' }, value: { text: listOr([...preferences.themes, ...wants], 'No preference') } },
        {
          key: { text: 'Phases' },
          value: {
            text: listOr(
              preferences.phases.map((phase) => PHASE_LABELS[phase]),
              'No preference',
            ),
          },
        },
        {
          key: { text: 'Trust size' },
          value: { text: preferences.trustSize ? TRUST_SIZE_LABELS[preferences.trustSize] : 'No preference' },
        },
        { key: { text: 'Region' }, value: { text: preferences.region ?? 'Not given' } },
        {
          key: { text: 'Locality' },
          value: {
            text: {
              'local knowledge': 'Someone with local knowledge',
              independent: 'Someone independent of their locale',
              'no preference': 'No preference',
            }[preferences.locality],
          },
        },
        { key: { text: 'Other wishes' }, value: { text: preferences.otherWishes || 'None' } },
      ]}
    />
  );
}

function Ranked({ view }: { view: MatchingView }): VNode {
  const { ranking, partnership } = view;
  if (ranking.ranked.length === 0) {
    return <p class="govuk-body">No mentor of {partnership.providerName} can be offered to this mentee now.</p>;
  }
  return (
    <ol class="govuk-list">
      {ranking.ranked.map(({ mentor, score, reasons, concerns }) => (
        <li key={mentor.id} class="govuk-!-margin-bottom-6">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            {mentor.name}: {score} out of 100
          </h3>
          <p class="govuk-body-s govuk-!-margin-bottom-1">
            {mentor.region ?? 'Region not given'}
            {mentor.availabilityNote ? `. ${mentor.availabilityNote}` : ''}
          </p>
          {reasons.length > 0 && (
            <>
              <p class="govuk-body govuk-!-margin-bottom-1">Why they fit:</p>
              <ul class="govuk-list govuk-list--bullet">
                {reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </>
          )}
          {concerns.length > 0 && (
            <>
              <p class="govuk-body govuk-!-margin-bottom-1">Concerns:</p>
              <ul class="govuk-list govuk-list--bullet">
                {concerns.map((concern) => (
                  <li key={concern}>{concern}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

function Excluded({ view }: { view: MatchingView }): VNode | null {
  if (view.ranking.excluded.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Mentors left out</h2>
      <ul class="govuk-list govuk-list--bullet">
        {view.ranking.excluded.map(({ mentor, exclusions }) => (
          <li key={mentor.id}>
            {mentor.name}: {exclusions.join('; ')}
          </li>
        ))}
      </ul>
    </>
  );
}

export function MatchingPage({ view, done }: { view: MatchingView; done: string | null }): VNode {
  const { partnership, conversations } = view;
  const open = partnership.state === 'matching' || partnership.state === 'chemistry';
  const chosen = conversations.find((conversation) => conversation.chosen);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
        {done && <NotificationBanner type="success" text={done} />}
        <PartnershipCaption partnership={partnership} />
        <h1 class="govuk-heading-l">Matching</h1>
        <h2 class="govuk-heading-m">What the mentee asked for</h2>
        <Preferences preferences={view.preferences} />
        <h2 class="govuk-heading-m">Mentors, best fit first</h2>
        <p class="govuk-body">
          Each score is out of 100: what the mentor offers of what the mentee asked for, and their places left.
        </p>
        <Ranked view={view} />
        <Excluded view={view} />
        <h2 class="govuk-heading-m">Chemistry conversations</h2>
        <ConversationList partnershipId={partnership.id} conversations={conversations} />
        {open && (
          <p class="govuk-body">
            <a class="govuk-link" href={partnershipPaths.of(partnership.id, 'chemistryNew')}>
              Schedule a chemistry conversation
            </a>
          </p>
        )}
        {open && chosen && (
          <>
            <h2 class="govuk-heading-m">Confirm the match</h2>
            <p class="govuk-body">
              The mentee chose {chosen.mentorName}. Confirming makes them the partnership’s mentor and moves it on to
              the agreement.
            </p>
            <Form action={partnershipPaths.of(partnership.id, 'confirmMatch')}>
              <Button text={`Confirm ${chosen.mentorName} as the mentor`} preventDoubleClick />
            </Form>
          </>
        )}
        {partnership.matchConfirmedAt && <p class="govuk-body">The match has been confirmed.</p>}
      </div>
    </div>
  );
}
