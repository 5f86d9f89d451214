import type { VNode } from 'preact';
import { Input } from '../../../platform/views/components/input.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { descriptorField } from '../draft-editor.forms.ts';
import { frameworkLimits, type FrameworkElement, type FrameworkHeading } from '../framework-document.ts';
import { frameworkPaths } from '../frameworks.paths.ts';
import { EditorForm, valueOf, type EditorPageProps } from './draft-editor-parts.tsx';

/** One element: its name, summary, guiding questions (one a line) and what it looks like at each level. */
export function ElementPage({
  page,
  heading,
  element,
}: {
  page: EditorPageProps;
  heading: FrameworkHeading;
  /** Absent when adding one. */
  element?: FrameworkElement;
}): VNode {
  const { frameworkId, draft, values, errors } = page;
  const { levels } = draft.document.scale;
  const saved = element
    ? [
        { label: 'Name', value: element.name },
        { label: 'Summary', value: element.summary ?? '' },
        { label: 'Guiding questions', value: element.questions.join(' / ') },
        ...levels.map((level) => ({ label: level.label, value: element.descriptors[level.key] ?? '' })),
      ]
    : [];
  return (
    <EditorForm
      page={page}
      heading={element ? `Change the element ${element.name}` : `Add an element to ${heading.name}`}
      action={
        element
          ? frameworkPaths.element(frameworkId, draft.id, heading.key, element.key)
          : frameworkPaths.newElement(frameworkId, draft.id, heading.key)
      }
      saved={saved}
      save={{ text: element ? 'Save element' : 'Add element' }}
    >
      <Input
        id="name"
        name="name"
        label={{ text: 'Name', classes: 'govuk-label--s' }}
        value={valueOf(values, 'name')}
        errorMessage={errors.field('name')}
      />
      <Textarea
        id="summary"
        name="summary"
        rows={3}
        label={{ text: 'Summary (optional)', classes: 'govuk-label--s' }}
        value={valueOf(values, 'summary')}
        errorMessage={errors.field('summary')}
      />
      <Textarea
        id="questions"
        name="questions"
        rows={6}
        label={{ text: 'Guiding questions (optional)', classes: 'govuk-label--s' }}
        hint={{ text: `One question a line, up to ${frameworkLimits.questionsMax}.` }}
        value={valueOf(values, 'questions')}
        errorMessage={errors.field('questions')}
      />
      <fieldset class="govuk-fieldset" aria-describedby="descriptors-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">What it looks like at each level</legend>
        <div class="govuk-hint" id="descriptors-hint">
          Optional. Many frameworks describe only the weakest and strongest levels.
        </div>
        {levels.map((level) => (
          <Textarea
            id={descriptorField(level.key)}
            name={descriptorField(level.key)}
            rows={3}
            label={{ text: level.meaning ? `${level.label} (${level.meaning})` : level.label }}
            value={valueOf(values, descriptorField(level.key))}
            errorMessage={errors.field(descriptorField(level.key))}
          />
        ))}
      </fieldset>
    </EditorForm>
  );
}
