import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { getMeetingActionForm } from '../meeting-actions.service.ts';
import { formatMeetingStart } from '../meetings.dates.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { DateBoxes, PartnershipCaption, TwoThirds } from './meeting-parts.tsx';

export function MeetingActionPage({
  form,
  values,
  errors,
  creationKey,
}: {
  form: Awaited<ReturnType<typeof getMeetingActionForm>>;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  const { partnership, meeting, participants } = form;
  return (
    <TwoThirds>
      <BackLink
        href={partnershipPaths.of(partnership.id, 'meeting', { meetingId: meeting.id })}
        text="Back to the meeting"
      />
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Add an action</h1>
      <p class="govuk-body">From the meeting on {formatMeetingStart(meeting.startsAt)}.</p>
      <Form action={partnershipPaths.of(partnership.id, 'meetingActionNew', { meetingId: meeting.id })}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <Input
          id="title"
          name="title"
          label={{ text: 'Action', classes: 'govuk-label--s' }}
          hint={{ text: 'What will be done, starting with a verb: “Draft the board’s risk appetite statement”.' }}
          value={typedText(values, 'title')}
          errorMessage={errors.field('title')}
        />
        <Select
          id="owner"
          name="owner"
          label={{ text: 'Owner', classes: 'govuk-label--s' }}
          value={typedText(values, 'owner')}
          errorMessage={errors.field('owner')}
          items={[
            { value: '', text: 'Choose who owns it' },
            ...participants.map((person) => ({ value: person.personId, text: person.displayName })),
          ]}
        />
        <DateBoxes name="dueOn" legend="Due date" hint="For example, 27 3 2027" values={values} errors={errors} />
        <Button text="Add the action" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
