import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { ConversationView } from '../chemistry.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { ChemistryStatusTag, durationText } from './chemistry-parts.tsx';

function StatusForms({ view }: { view: ConversationView }): VNode | null {
  const { partnership, conversation } = view;
  const open = partnership.state === 'matching' || partnership.state === 'chemistry';
  if (!view.mayManage || !open) return null;
  const action = partnershipPaths.of(partnership.id, 'chemistry', { conversationId: conversation.id });
  return (
    <div class="govuk-button-group">
      {conversation.status === 'scheduled' && (
        <Form action={action}>
          <input type="hidden" name="intent" value="held" />
          <Button text="Mark as held" classes="govuk-button--secondary" preventDoubleClick />
        </Form>
      )}
      {conversation.status !== 'cancelled' && (
        <Form action={action}>
          <input type="hidden" name="intent" value="cancelled" />
          <Button text="Mark as cancelled" classes="govuk-button--warning" preventDoubleClick />
        </Form>
      )}
    </div>
  );
}

function Choose({ view }: { view: ConversationView }): VNode | null {
  const { partnership, conversation } = view;
  const open = partnership.state === 'matching' || partnership.state === 'chemistry';
  if (!view.isMenteeSide || !open || conversation.status !== 'held' || conversation.chosen) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Choose this mentor</h2>
      <p class="govuk-body">
        When you have had the conversations you want, choose your mentor. The programme manager then confirms the match.
      </p>
      <Form action={partnershipPaths.of(partnership.id, 'chooseMentor')}>
        <input type="hidden" name="conversationId" value={conversation.id} />
        <Button text={`Choose ${conversation.mentorName} as my mentor`} preventDoubleClick />
      </Form>
    </>
  );
}

export function ConversationPage({
  view,
  noteTyped,
  errors,
  done,
}: {
  view: ConversationView;
  /** What the mentee typed, when the note came back with a mistake. */
  noteTyped: string | null;
  errors: FormErrors;
  done: string | null;
}): VNode {
  const { partnership, conversation } = view;
  const action = partnershipPaths.of(partnership.id, 'chemistry', { conversationId: conversation.id });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {view.mayManage && (
          <BackLink
            href={partnershipPaths.of(partnership.id, view.isMenteeSide ? 'chemistryNew' : 'matching')}
            text={view.isMenteeSide ? 'Back to chemistry conversations' : 'Back to matching'}
          />
        )}
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={done} />}
        <span class="govuk-caption-l">{partnership.title}</span>
        <h1 class="govuk-heading-l">Chemistry conversation with {conversation.mentorName}</h1>
        <p class="govuk-body">
          <ChemistryStatusTag conversation={conversation} />
        </p>
        <SummaryList
          rows={[
            { key: { text: 'When' }, value: { text: formatLondonDateTime(conversation.startsAt) } },
            { key: { text: 'How long' }, value: { text: durationText(conversation.durationMinutes) } },
            { key: { text: 'Where' }, value: { text: conversation.place } },
          ]}
        />
        <StatusForms view={view} />
        <Choose view={view} />
        {view.isMenteeSide && (
          <>
            <h2 class="govuk-heading-m">Your note</h2>
            <p class="govuk-body">
              Your own note of how it went. Only you and the others on your side read it: not the mentor, not the
              programme manager. It is stored encrypted, and every time it is read is logged.
            </p>
            <Form action={action}>
              <input type="hidden" name="intent" value="note" />
              <Textarea
                id="note"
                name="note"
                rows={8}
                label={{ text: 'Outcome note', classes: 'govuk-label--s' }}
                value={noteTyped ?? view.note ?? ''}
                errorMessage={errors.field('note')}
              />
              <Button text="Save your note" preventDoubleClick />
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
