import type { VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { describeTypedDate } from '../../../platform/forms/date-fields.ts';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import type { ActionForm } from '../actions.service.ts';
import { dueDate as dueDateField } from '../plans.schemas.ts';
import { planPaths } from '../plans.paths.ts';
import type { ActionRow } from '../plans.service.ts';
import { actionStatuses, ragRatings } from '../plans.tables.ts';
import {
  actionStatusLabels,
  differencesOf,
  labelOf,
  PlanCaption,
  ragLabels,
  SavedMeanwhile,
  TwoThirds,
  VersionField,
} from './plan-parts.tsx';

const ragHints = {
  red: 'Off track: it will not be done in time without help',
  amber: 'At risk: some concern about getting it done in time',
  green: 'On track',
} as const;

/** Where an action saved by someone else differs from what was typed, in words. */
function differences(form: ActionForm, current: ActionRow, values: FormValues) {
  const typed = (name: string) => typedText(values, name);
  const ownerName = (id: string) => form.owners.find((owner) => owner.id === id)?.displayName ?? '';
  const actionTitle = (id: string | null) =>
    id ? (form.dependencies.find((each) => each.id === id)?.title ?? '') : 'None';
  return differencesOf([
    ['Action', current.title, typed('title')],
    ['Owner', current.ownerName, ownerName(typed('owner'))],
    ['Due date', formatDay(current.dueDate), describeTypedDate(values, dueDateField)],
    ['Status', actionStatusLabels[current.status], labelOf(actionStatusLabels, typed('status'))],
    ['RAG rating', ragLabels[current.rag], labelOf(ragLabels, typed('rag'))],
    ['Depends on', actionTitle(current.dependsOnActionId), actionTitle(typed('dependsOn') || null)],
  ]);
}

export function ActionFormPage({
  form,
  values,
  errors,
  creationKey,
  stale,
}: {
  form: ActionForm;
  values: FormValues;
  errors: FormErrors;
  /** For a new action: the form's one-time key. */
  creationKey: string | null;
  /** Set when the save was refused: the action as saved meanwhile. */
  stale: ActionRow | null;
}): VNode {
  const { plan, priority, action } = form;
  const text = (name: string) => typedText(values, name);
  const target = action ? planPaths.actionEdit(plan.id, action.id) : planPaths.actionNew(plan.id, priority.id);
  return (
    <TwoThirds>
      <BackLink
        href={action ? planPaths.action(plan.id, action.id) : planPaths.plan(plan.id)}
        text={action ? 'Back to the action' : 'Back to the plan'}
      />
      <ErrorSummaryFor errors={errors} />
      {stale && (
        <SavedMeanwhile
          savedBy={stale.updatedByName}
          savedAt={stale.updatedAt}
          differences={differences(form, stale, values)}
        />
      )}
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">{action ? 'Change the action' : 'Add an action'}</h1>
      <p class="govuk-body">Priority: {priority.title}</p>
      <Form action={target}>
        {creationKey && <input type="hidden" name="creationKey" value={creationKey} />}
        {action && <VersionField values={values} saved={action.version} stale={stale?.version ?? null} />}
        <Input
          id="title"
          name="title"
          label={{ text: 'Action', classes: 'govuk-label--s' }}
          hint={{ text: 'What will be done, starting with a verb: “Train middle leaders in coaching”.' }}
          value={text('title')}
          errorMessage={errors.field('title')}
        />
        <Select
          id="owner"
          name="owner"
          label={{ text: 'Owner', classes: 'govuk-label--s' }}
          hint={{ text: 'The person who makes sure it happens.' }}
          value={text('owner')}
          errorMessage={errors.field('owner')}
          items={[
            { value: '', text: 'Choose who owns it' },
            ...form.owners.map((owner) => ({ value: owner.id, text: owner.displayName })),
          ]}
        />
        <DateInputField name="dueDate" legend="Due date" values={values} errors={errors} />
        <Radios
          name="status"
          idPrefix="status"
          classes="govuk-radios--small"
          fieldset={{ legend: { text: 'Status', classes: 'govuk-fieldset__legend--s' } }}
          value={text('status') || 'not_started'}
          errorMessage={errors.field('status')}
          items={actionStatuses.map((status) => ({ value: status, text: actionStatusLabels[status] }))}
        />
        <Radios
          name="rag"
          idPrefix="rag"
          classes="govuk-radios--small"
          fieldset={{ legend: { text: 'RAG rating', classes: 'govuk-fieldset__legend--s' } }}
          value={text('rag')}
          errorMessage={errors.field('rag')}
          items={ragRatings.map((rag) => ({ value: rag, text: ragLabels[rag], hint: { text: ragHints[rag] } }))}
        />
        <Select
          id="dependsOn"
          name="dependsOn"
          label={{ text: 'Depends on (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'An action of this plan that must be done first.' }}
          value={text('dependsOn')}
          errorMessage={errors.field('dependsOn')}
          items={[
            { value: '', text: 'None: it can start at any time' },
            ...form.dependencies.map((each) => ({ value: each.id, text: `${each.priorityTitle}: ${each.title}` })),
          ]}
        />
        <Button text={action ? 'Save' : 'Add the action'} preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
