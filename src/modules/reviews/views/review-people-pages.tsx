import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { reviewDoneMessages, reviewPaths, type ReviewDone } from '../reviews.paths.ts';
import type { GroupRow, ReviewRow } from '../reviews.service.ts';

/** A page of the review's setup: the review named above the heading, a way back, the form centred. */
function SetupPage({ review, title, children }: { review: ReviewRow; title: string; children: VNode[] | VNode }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={reviewPaths.review(review.id)} text={`Back to ${review.title}`} />
        <span class="govuk-caption-l">{review.title}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}

export function AddParticipantPage({
  review,
  groups,
  values,
  errors,
}: {
  review: ReviewRow;
  groups: GroupRow[];
  values: FormValues;
  errors: FormErrors;
}): VNode {
  return (
    <SetupPage review={review} title="Add a person to the review">
      <ErrorSummaryFor errors={errors} />
      <Form action={reviewPaths.participantNew(review.id)}>
        <Input
          id="email"
          name="email"
          type="email"
          autocomplete="off"
          spellcheck={false}
          label={{ text: 'Email address', classes: 'govuk-label--s' }}
          hint={{ text: 'They need a Tandem account. Someone from the partner trust uses their own trust’s account.' }}
          value={typedText(values, 'email')}
          errorMessage={errors.field('email')}
        />
        <Radios
          name="group"
          idPrefix="group"
          fieldset={{ legend: { text: 'Group', classes: 'govuk-fieldset__legend--s' } }}
          value={typedText(values, 'group')}
          errorMessage={errors.field('group')}
          items={[
            ...groups.map((group) => ({
              value: group.id,
              text: group.name,
              ...(group.partner ? { hint: { text: 'Gives peer challenge; sees only the peer challenge page' } } : {}),
            })),
            { divider: 'or' },
            { value: 'none', text: 'No group: a lead who agrees ratings but gives none' },
          ]}
        />
        <Checkboxes
          name="lead"
          idPrefix="lead"
          values={typedList(values, 'lead')}
          items={[
            {
              value: 'yes',
              text: 'Make them a lead',
              hint: { text: 'Leads see every answer, add people, agree ratings and close the review.' },
            },
          ]}
        />
        <Button text="Add to the review" preventDoubleClick />
      </Form>
    </SetupPage>
  );
}

export function RemoveParticipantPage({
  review,
  name,
  participantId,
  problem,
}: {
  review: ReviewRow;
  name: string;
  participantId: string;
  problem: string | null;
}): VNode {
  return (
    <SetupPage review={review} title={`Remove ${name} from the review?`}>
      {problem ? (
        <WarningText text={problem} />
      ) : (
        <p class="govuk-body">They will no longer see the review. Someone who has rated cannot be removed.</p>
      )}
      <Form action={reviewPaths.participantRemove(review.id, participantId)}>
        {!problem && <Button text="Remove" classes="govuk-button--warning" />}
        <p class="govuk-body">
          <a class="govuk-link" href={reviewPaths.review(review.id)}>
            Cancel
          </a>
        </p>
      </Form>
    </SetupPage>
  );
}

export function GroupsPage({
  review,
  groups,
  counts,
  values,
  errors,
  done,
}: {
  review: ReviewRow;
  groups: GroupRow[];
  counts: Map<string, number>;
  values: FormValues;
  errors: FormErrors;
  done: ReviewDone | null;
}): VNode {
  return (
    <SetupPage review={review} title="Groups">
      {done ? <NotificationBanner type="success" text={reviewDoneMessages[done]} /> : <></>}
      <ErrorSummaryFor errors={errors} />
      <p class="govuk-body">
        People rate in groups so that the groups’ views can be compared. Rename a group to suit the review; a group with
        nobody in it can be removed.
      </p>
      <>
        {groups.map((group) => (
          <Form action={reviewPaths.group(review.id, group.id)} key={group.id}>
            <Input
              id={`name-${group.id}`}
              name="name"
              label={{ text: `Name of group ${group.position + 1}`, classes: 'govuk-label--s' }}
              hint={{
                text: `${counts.get(group.id) ?? 0} people${group.partner ? '; the partner trust’s group' : ''}`,
              }}
              value={group.name}
              errorMessage={errors.field(`name-${group.id}`)}
              classes="govuk-!-width-two-thirds"
            />
            <div class="govuk-button-group">
              <Button text="Rename" classes="govuk-button--secondary" />
              {(counts.get(group.id) ?? 0) === 0 && !group.partner && (
                <a class="govuk-link" href={reviewPaths.groupRemove(review.id, group.id)}>
                  Remove<span class="govuk-visually-hidden"> {group.name}</span>
                </a>
              )}
            </div>
          </Form>
        ))}
      </>
      <h2 class="govuk-heading-m">Add a group</h2>
      <Form action={reviewPaths.groups(review.id)}>
        <Input
          id="name"
          name="name"
          label={{ text: 'Group name', classes: 'govuk-label--s' }}
          value={typedText(values, 'name')}
          errorMessage={errors.field('name')}
          classes="govuk-!-width-two-thirds"
        />
        <Button text="Add group" />
      </Form>
    </SetupPage>
  );
}

export function RemoveGroupPage({ review, group }: { review: ReviewRow; group: GroupRow }): VNode {
  return (
    <SetupPage review={review} title={`Remove the group “${group.name}”?`}>
      <Form action={reviewPaths.groupRemove(review.id, group.id)}>
        <Button text="Remove group" classes="govuk-button--warning" />
        <p class="govuk-body">
          <a class="govuk-link" href={reviewPaths.groups(review.id)}>
            Cancel
          </a>
        </p>
      </Form>
    </SetupPage>
  );
}

export { SetupPage };
