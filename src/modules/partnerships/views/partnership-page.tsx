import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { TaskList, type TaskListItem } from '../../../platform/views/components/task-list.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { partnershipPaths, type PartnershipPageRoute } from '../partnerships.paths.ts';
import type { PartnershipOverview, PartnershipRow } from '../partnerships.service.ts';
import { partnershipStates, type PartnershipState } from '../partnerships.tables.ts';
import { kindLabels, PartnershipFacts, stateLabels, StateTag } from './partnership-parts.tsx';

/** Each stage of the lifecycle, what it is for, and where each kind of person does it. */
const stages: Record<
  Exclude<PartnershipState, 'closed'>,
  { hint: string; participant?: PartnershipPageRoute; mentee?: PartnershipPageRoute; manage?: PartnershipPageRoute }
> = {
  matching: {
    hint: 'The mentee says what they are looking for; the provider ranks the mentors who fit.',
    mentee: 'preferences',
    manage: 'matching',
  },
  chemistry: {
    hint: 'No-obligation conversations, each with a different mentor. The mentee chooses.',
    mentee: 'chemistryNew',
    manage: 'matching',
  },
  agreement: {
    hint: 'Both sides accept the agreement: term, time, meetings, fee and confidentiality.',
    participant: 'agreement',
    manage: 'agreement',
  },
  preparation: {
    hint: 'The documents the mentor reads, and visits to at least two schools.',
    participant: 'preparation',
  },
  establishing: { hint: 'The leadership story, needs, goals and the year’s objectives.', participant: 'establishing' },
  meetings: { hint: 'Meetings, private notes and actions, counted against the time budget.', participant: 'meetings' },
  review: { hint: 'Progress on each goal from both sides, then extend or close.', participant: 'review' },
};

function stageItems(overview: PartnershipOverview): TaskListItem[] {
  const { partnership, content, mentee, manage } = overview;
  const current = partnershipStates.indexOf(partnership.state);
  return (Object.keys(stages) as Array<keyof typeof stages>).map((state) => {
    const stage = stages[state];
    const position = partnershipStates.indexOf(state);
    // The mentee's chemistry page schedules and lists conversations: it is there only while matching is open.
    const pastChemistry = mentee && state === 'chemistry' && position < current;
    const page = pastChemistry
      ? undefined
      : (mentee && stage.mentee) || (content && stage.participant) || (manage && stage.manage) || undefined;
    // The third-term review may be written while the meetings go on: saving it starts the stage.
    const early = state === 'review' && partnership.state === 'meetings';
    const status = early
      ? { text: 'Can start' }
      : position < current
        ? { text: 'Done' }
        : position === current
          ? { tag: { text: 'Now', classes: 'govuk-tag--blue' } }
          : { text: 'Not yet', classes: 'govuk-task-list__status--cannot-start-yet' };
    return {
      title: { text: stateLabels[state] },
      hint: { text: stage.hint },
      status,
      ...(page && (position <= current || early) ? { href: partnershipPaths.of(partnership.id, page) } : {}),
    };
  });
}

function ContentLinks({ overview }: { overview: PartnershipOverview }): VNode {
  const { partnership, mentee, manage, content } = overview;
  const link = (page: PartnershipPageRoute, text: string) => (
    <li>
      <a class="govuk-link" href={partnershipPaths.of(partnership.id, page)}>
        {text}
      </a>
    </li>
  );
  return (
    <ul class="govuk-list">
      {content && link('budget', 'Time budget: planned, used and remaining')}
      {content && partnership.kind === 'trust_to_trust' && link('diagnostic', 'Diagnostic review and development plan')}
      {(content || manage) && link('participants', 'Who takes part')}
      {mentee && link('reads', 'Who has read this partnership')}
    </ul>
  );
}

/** "Closed by Sam Patel on 31 August 2027": who and when are facts provider staff see too; what is sustained is content. */
export function closedText({ closedAt, closedByName }: Pick<PartnershipRow, 'closedAt' | 'closedByName'>): string {
  if (!closedAt) return 'Closed.';
  // No name: closed before who closed was recorded, or that person's account has since been deleted.
  return closedByName
    ? `Closed by ${closedByName} on ${formatLondonDate(closedAt)}.`
    : `Closed on ${formatLondonDate(closedAt)}.`;
}

function Closure({ partnership, content }: { partnership: PartnershipRow; content: boolean }): VNode {
  return (
    <>
      <h2 class="govuk-heading-m">Closed</h2>
      <p class="govuk-body">{closedText(partnership)}</p>
      {partnership.sustainNote && (
        <>
          <h3 class="govuk-heading-s">What the mentee will sustain</h3>
          <p class="govuk-body tandem-pre-line">
            {content ? partnership.sustainNote : 'Recorded by the participants.'}
          </p>
        </>
      )}
    </>
  );
}

export function PartnershipPage({ overview, done }: { overview: PartnershipOverview; done: string | null }): VNode {
  const { partnership, participants, usage, content } = overview;
  return (
    <>
      <BackLink href={partnershipPaths.list} text="Back to mentoring" />
      {done && <NotificationBanner type="success" text={done} />}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{kindLabels[partnership.kind]}</span>
          <h1 class="govuk-heading-l">
            {partnership.title} <StateTag state={partnership.state} />
          </h1>
          {usage.warnings.map((warning) => (
            <WarningText key={warning.part} text={warning.message} />
          ))}
          <PartnershipFacts partnership={partnership} participants={participants} usage={usage} />
          {!content && (
            <InsetText text="You run this partnership for the provider: you see who takes part, its stage, its dates and the time used. What is said and written in it is for its participants alone." />
          )}
          {partnership.state === 'closed' && <Closure partnership={partnership} content={content} />}
          <h2 class="govuk-heading-m">Stages</h2>
          <TaskList idPrefix="stage" items={stageItems(overview)} />
          <ContentLinks overview={overview} />
        </div>
      </div>
    </>
  );
}
