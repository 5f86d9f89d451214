import type { ComponentChildren, VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { FileUpload } from '../../../platform/views/components/file-upload.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import { planDoneMessages, planPaths, type PlanDone } from '../plans.paths.ts';
import type { ActionRow, PlanRow, PriorityRow, UpdateRow } from '../plans.service.ts';
import { DueDate } from './action-table.tsx';
import { ActionStatusTag, PlanCaption, RagTag, TwoThirds } from './plan-parts.tsx';

export interface ActionPageData {
  plan: PlanRow;
  priority: PriorityRow;
  action: ActionRow;
  updates: UpdateRow[];
  dependsOn: ActionRow | null;
  overdue: boolean;
  /** May post progress and change the action (the plan's editors, and its owner). */
  update: boolean;
}

/** A summary list row whose value may hold markup (a tag) as well as text. */
function Fact({ label, children }: { label: string; children: ComponentChildren }): VNode {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Update({ planId, update }: { planId: string; update: UpdateRow }): VNode {
  return (
    <li class="govuk-!-margin-bottom-6">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        {formatDay(update.updatedOn)}
        {update.authorName && <span class="govuk-caption-m">by {update.authorName}</span>}
      </h3>
      <p class="govuk-body tandem-pre-line">{update.note}</p>
      {update.link && (
        <p class="govuk-body tandem-break-words">
          Evidence:{' '}
          <a class="govuk-link" href={update.link} rel="noreferrer noopener">
            {update.link}
          </a>
        </p>
      )}
      {update.fileName && (
        <p class="govuk-body">
          Evidence file:{' '}
          <a class="govuk-link" href={planPaths.evidence(planId, update.id)}>
            {update.fileName}
          </a>
        </p>
      )}
    </li>
  );
}

export function ActionPage({ page, done }: { page: ActionPageData; done: PlanDone | null }): VNode {
  const { plan, priority, action, updates, dependsOn } = page;
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      {done && <NotificationBanner type="success" text={planDoneMessages[done]} />}
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">{action.title}</h1>
      <dl class="govuk-summary-list">
        <Fact label="Priority">{priority.title}</Fact>
        <Fact label="Owner">{action.ownerName}</Fact>
        <Fact label="Due">
          <DueDate action={{ dueDate: action.dueDate, overdue: page.overdue }} />
        </Fact>
        <Fact label="Status">
          <ActionStatusTag status={action.status} />
        </Fact>
        <Fact label="RAG rating">
          <RagTag rag={action.rag} />
        </Fact>
        {dependsOn && <Fact label="Depends on">{dependsOn.title}</Fact>}
      </dl>
      {page.update && (
        <div class="govuk-button-group">
          <Button href={planPaths.updateNew(plan.id, action.id)} text="Post a progress update" />
          <a class="govuk-link" href={planPaths.actionEdit(plan.id, action.id)}>
            Change the action
          </a>
        </div>
      )}
      <h2 class="govuk-heading-m">Progress</h2>
      {updates.length === 0 ? (
        <p class="govuk-body">No progress updates yet.</p>
      ) : (
        <ul class="govuk-list">
          {updates.map((update) => (
            <Update key={update.id} planId={plan.id} update={update} />
          ))}
        </ul>
      )}
    </TwoThirds>
  );
}

export function ProgressUpdatePage({
  plan,
  action,
  values,
  errors,
  creationKey,
}: {
  plan: PlanRow;
  action: ActionRow;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={planPaths.action(plan.id, action.id)} text="Back to the action" />
      <ErrorSummaryFor errors={errors} />
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">Post a progress update</h1>
      <p class="govuk-body">Action: {action.title}</p>
      <Form action={planPaths.updateNew(plan.id, action.id)} enctype="multipart/form-data">
        <input type="hidden" name="creationKey" value={creationKey} />
        <DateInputField name="updatedOn" legend="Date of the update" values={values} errors={errors} />
        <Textarea
          id="note"
          name="note"
          rows={5}
          label={{ text: 'What has happened', classes: 'govuk-label--s' }}
          hint={{ text: 'What was done, what it changed, and what comes next.' }}
          value={typedText(values, 'note')}
          errorMessage={errors.field('note')}
        />
        <Input
          id="link"
          name="link"
          type="url"
          spellcheck={false}
          label={{ text: 'Link to evidence (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'A web address starting https://' }}
          value={typedText(values, 'link')}
          errorMessage={errors.field('link')}
        />
        <FileUpload
          name="file"
          label={{ text: 'Evidence file (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'PDF, Word, Excel, PowerPoint, an image or text; up to 10MB.' }}
          errorMessage={errors.field('file')}
        />
        <Button text="Post the update" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
