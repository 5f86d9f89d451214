import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { levelField } from '../draft-editor.forms.ts';
import { frameworkLimits } from '../framework-document.ts';
import { frameworkPaths } from '../frameworks.paths.ts';
import { EditorForm, valueOf, type EditorPageProps } from './draft-editor-parts.tsx';

export function DraftDetailsPage(page: EditorPageProps): VNode {
  const { frameworkId, draft, values, errors } = page;
  const saved = [
    { label: 'Name', value: draft.document.name },
    { label: 'Summary', value: draft.document.summary ?? '' },
  ];
  return (
    <EditorForm
      page={page}
      heading="Name and summary"
      action={frameworkPaths.details(frameworkId, draft.id)}
      saved={saved}
      save={{ text: 'Save name and summary' }}
    >
      <Input
        id="name"
        name="name"
        label={{ text: 'Name', classes: 'govuk-label--s' }}
        value={valueOf(values, 'name')}
        errorMessage={errors.field('name')}
        spellcheck
      />
      <Textarea
        id="summary"
        name="summary"
        rows={4}
        label={{ text: 'Summary (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'A sentence or two on what the framework is for, shown at the top of it.' }}
        value={valueOf(values, 'summary')}
        errorMessage={errors.field('summary')}
      />
    </EditorForm>
  );
}

function LevelFields({ page, index, count }: { page: EditorPageProps; index: number; count: number }): VNode {
  const { values, errors } = page;
  const field = (name: Parameters<typeof levelField>[0]) => levelField(name, index);
  const number = index + 1;
  const position = index === 0 ? ' (the weakest)' : index === count - 1 ? ' (the strongest)' : '';
  return (
    <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
        Level {number}
        {position}
      </legend>
      <input type="hidden" name={field('key')} value={valueOf(values, field('key'))} />
      <Input
        id={field('label')}
        name={field('label')}
        classes="govuk-input--width-20"
        label={{ text: 'Label' }}
        hint={{ text: 'Shown wherever this level is, like Green' }}
        value={valueOf(values, field('label'))}
        errorMessage={errors.field(field('label'))}
      />
      <Input
        id={field('meaning')}
        name={field('meaning')}
        label={{ text: 'Meaning (optional)' }}
        hint={{ text: 'Like Strong capacity' }}
        value={valueOf(values, field('meaning'))}
        errorMessage={errors.field(field('meaning'))}
      />
      <Input
        id={field('colour')}
        name={field('colour')}
        classes="govuk-input--width-10 govuk-!-font-family-monospace"
        label={{ text: 'Colour' }}
        hint={{
          text: 'A # and six hex digits, like #00703c. The label is always shown too, so nobody needs to tell colours apart.',
        }}
        spellcheck={false}
        value={valueOf(values, field('colour'))}
        errorMessage={errors.field(field('colour'))}
      />
      <Textarea
        id={field('descriptor')}
        name={field('descriptor')}
        rows={3}
        label={{ text: 'Descriptor (optional)' }}
        hint={{ text: 'What this level means across the whole framework' }}
        value={valueOf(values, field('descriptor'))}
        errorMessage={errors.field(field('descriptor'))}
      />
      <Checkboxes
        name={field('remove')}
        idPrefix={field('remove')}
        classes="govuk-checkboxes--small"
        values={valueOf(values, field('remove')) === 'yes' ? ['yes'] : []}
        items={[{ value: 'yes', text: `Remove level ${number} when I save` }]}
      />
    </fieldset>
  );
}

/**
 * The whole scale in one form. Adding or removing a level shows the form again with the change,
 * saving nothing: the scale is saved, checked as a whole, only with "Save scale".
 */
export function DraftScalePage(page: EditorPageProps): VNode {
  const { frameworkId, draft, values } = page;
  // The number of rows comes back from the form: never more than a scale may have, whatever was posted.
  const count = Math.min(Math.max(Number.parseInt(valueOf(values, 'levels'), 10) || 0, 0), frameworkLimits.levelsMax);
  const saved = draft.document.scale.levels.map((level, index) => ({
    label: `Level ${index + 1}`,
    value: [level.label, level.meaning, level.colour].filter(Boolean).join(', '),
  }));
  return (
    <EditorForm
      page={page}
      heading="Rating scale"
      action={frameworkPaths.scale(frameworkId, draft.id)}
      saved={saved}
      save={{ text: 'Save scale' }}
      // After the save button: pressing Enter in a field submits the first button, which must save.
      otherActions={
        count < frameworkLimits.levelsMax && (
          <Button text="Add a level" name="change" value="add-level" classes="govuk-button--secondary" />
        )
      }
    >
      <p class="govuk-body">
        From the weakest level to the strongest: {frameworkLimits.levelsMin} to {frameworkLimits.levelsMax} levels.
        Removing a level also removes what each element says at that level. Adding or removing a level is saved only
        with the rest of the scale.
      </p>
      <input type="hidden" name="levels" value={String(count)} />
      {Array.from({ length: count }, (_, index) => (
        <LevelFields page={page} index={index} count={count} />
      ))}
    </EditorForm>
  );
}
