import type { ComponentChildren, VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { frameworkPaths } from '../frameworks.paths.ts';
import type { VersionRecord } from '../frameworks.service.ts';
import { versionLabel } from './framework-pages.tsx';

/** What every page of the form-based editor is given. */
export interface EditorPageProps {
  frameworkId: string;
  /** The draft as saved: its version goes in the form, so a save over a newer one is refused. */
  draft: VersionRecord;
  values: FormValues;
  errors: FormErrors;
  /** Someone else saved meanwhile: the form shows what this person typed, with what the draft says now. */
  stale: boolean;
}

/** A value as typed, for a field: a list (a tampered form) shows its first. */
export function valueOf(values: FormValues, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export interface SavedValue {
  label: string;
  value: string;
}

/**
 * Told what changed: the other person's save, as the draft now holds it, beside what this person
 * typed (kept in the form below). Saving again replaces theirs.
 */
function StaleWarning({ saved }: { saved: SavedValue[] }): VNode {
  return (
    <>
      <WarningText text="Someone else saved this draft while you were editing it. What you entered is below, not saved yet. Check what the draft says now, then save again to replace it." />
      <Details summaryText="What the draft says now" open>
        <SummaryList
          rows={saved.map(({ label, value }) => ({ key: { text: label }, value: { text: value || 'Nothing' } }))}
        />
      </Details>
    </>
  );
}

/**
 * The frame of every editor page: error summary, caption and heading, the warning when
 * the draft changed meanwhile, and a form carrying the draft's version.
 */
export function EditorForm({
  page,
  heading,
  action,
  saved,
  save,
  otherActions,
  children,
}: {
  page: EditorPageProps;
  heading: string;
  action: string;
  /** What the draft says now about the thing edited, for the stale warning. */
  saved: SavedValue[];
  /** The button that saves; `id` is where an error about the whole change links to. */
  save: { text: string; id?: string; classes?: string };
  /** Buttons after the save button (never before: Enter in a field presses the first). */
  otherActions?: ComponentChildren;
  children: ComponentChildren;
}): VNode {
  const { frameworkId, draft, errors, stale } = page;
  const back = frameworkPaths.version(frameworkId, draft.id);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <span class="govuk-caption-l">
          {draft.name}: {versionLabel(draft)}
        </span>
        <h1 class="govuk-heading-l">{heading}</h1>
        {stale && <StaleWarning saved={saved} />}
        <Form action={action}>
          <VersionField draft={draft} />
          {children}
          <div class="govuk-button-group">
            <Button text={save.text} id={save.id} classes={save.classes} preventDoubleClick />
            {otherActions}
            <a class="govuk-link" href={back}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}

export function VersionField({ draft }: { draft: VersionRecord }): VNode {
  return <input type="hidden" name="version" value={String(draft.version)} />;
}

/** A move pressed on a page older than the draft: nothing moved, and the draft is the place to look again. */
export function DraftChangedPage({ frameworkId, draft }: { frameworkId: string; draft: VersionRecord }): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">The draft has changed</h1>
      <WarningText text="Someone else saved this draft after you opened it, so nothing was moved." />
      <p class="govuk-body">
        <a class="govuk-link" href={frameworkPaths.version(frameworkId, draft.id)}>
          Go back to the draft as it is now
        </a>
      </p>
    </>
  );
}
