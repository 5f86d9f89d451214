import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { DateInput } from '../../../platform/views/components/date-input.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { ConversationRow } from '../chemistry.service.ts';
import type { MentorCandidate } from '../matching.service.ts';
import type { RankedMentor } from '../matching.ts';
import type { PartnershipRow } from '../partnership-access.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { ConversationList } from './chemistry-parts.tsx';
import { PartnershipCaption } from './partnership-parts.tsx';

export function NewConversationPage({
  partnership,
  ranked,
  conversations,
  values,
  errors,
  creationKey,
  backToMatching,
}: {
  partnership: PartnershipRow;
  ranked: RankedMentor<MentorCandidate>[];
  conversations: ConversationRow[];
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
  /** Provider staff came from the matching page; the mentee side from their partnership. */
  backToMatching: boolean;
}): VNode {
  const text = (name: string) => typedText(values, name);
  const dateError = errors.field('startsOn');
  const box = (part: 'day' | 'month' | 'year', width: number) => ({
    name: part,
    value: text(`startsOn-${part}`),
    classes: `govuk-input--width-${width}${dateError ? ' govuk-input--error' : ''}`,
  });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink
          href={partnershipPaths.of(partnership.id, backToMatching ? 'matching' : 'partnership')}
          text={backToMatching ? 'Back to matching' : 'Back to the partnership'}
        />
        <ErrorSummaryFor errors={errors} />
        <PartnershipCaption partnership={partnership} />
        <h1 class="govuk-heading-l">Schedule a chemistry conversation</h1>
        <p class="govuk-body">
          An exploratory conversation, with no obligation on either side. Each conversation is with a different mentor.
          The mentor sees the time and place of their own conversation, nothing else of the partnership.
        </p>
        {conversations.length > 0 && (
          <>
            <h2 class="govuk-heading-m">Conversations so far</h2>
            <ConversationList partnershipId={partnership.id} conversations={conversations} />
          </>
        )}
        {ranked.length === 0 ? (
          <p class="govuk-body">No mentor can be offered to this mentee now.</p>
        ) : (
          <Form action={partnershipPaths.of(partnership.id, 'chemistryNew')}>
            <input type="hidden" name="creationKey" value={creationKey} />
            <Radios
              name="mentor"
              idPrefix="mentor"
              fieldset={{ legend: { text: 'Mentor', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Best fit first.' }}
              value={text('mentor')}
              errorMessage={errors.field('mentor')}
              items={ranked.map(({ mentor, score, reasons }) => ({
                value: mentor.id,
                text: `${mentor.name} (${score} out of 100)`,
                hint: { text: reasons.join('. ') },
              }))}
            />
            <DateInput
              id="startsOn"
              namePrefix="startsOn"
              fieldset={{ legend: { text: 'Date', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'For example, 27 3 2027' }}
              errorMessage={dateError}
              items={[box('day', 2), box('month', 2), box('year', 4)]}
            />
            <Input
              id="time"
              name="time"
              classes="govuk-input--width-5"
              label={{ text: 'Time (UK time)', classes: 'govuk-label--s' }}
              hint={{ text: 'For example, 2:30pm or 14:30' }}
              value={text('time')}
              errorMessage={errors.field('time')}
            />
            <Input
              id="duration"
              name="duration"
              inputmode="numeric"
              classes="govuk-input--width-3"
              label={{ text: 'How long, in minutes', classes: 'govuk-label--s' }}
              suffix={{ text: 'minutes' }}
              value={text('duration')}
              errorMessage={errors.field('duration')}
            />
            <Input
              id="place"
              name="place"
              label={{ text: 'Where, or the video link', classes: 'govuk-label--s' }}
              value={text('place')}
              errorMessage={errors.field('place')}
            />
            <Button text="Schedule the conversation" preventDoubleClick />
          </Form>
        )}
      </div>
    </div>
  );
}
