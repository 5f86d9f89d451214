import type { VNode } from 'preact';
import { Input } from '../../../platform/views/components/input.tsx';
import type { FrameworkHeading } from '../framework-document.ts';
import { frameworkPaths } from '../frameworks.paths.ts';
import { EditorForm, valueOf, type EditorPageProps } from './draft-editor-parts.tsx';

/** A new heading comes with its first element: a heading without one is not a framework's. */
export function NewHeadingPage(page: EditorPageProps): VNode {
  const { frameworkId, draft, values, errors } = page;
  return (
    <EditorForm
      page={page}
      heading="Add a heading"
      action={frameworkPaths.newHeading(frameworkId, draft.id)}
      saved={draft.document.headings.map((heading, index) => ({ label: `Heading ${index + 1}`, value: heading.name }))}
      save={{ text: 'Add heading' }}
    >
      <Input
        id="name"
        name="name"
        label={{ text: 'Heading', classes: 'govuk-label--s' }}
        hint={{ text: 'Like Vision, culture and ethos. It is added after the last heading; you can move it.' }}
        value={valueOf(values, 'name')}
        errorMessage={errors.field('name')}
      />
      <Input
        id="elementName"
        name="elementName"
        label={{ text: 'Its first element', classes: 'govuk-label--s' }}
        hint={{ text: 'Every heading has at least one element. You can describe it, and add more, next.' }}
        value={valueOf(values, 'elementName')}
        errorMessage={errors.field('elementName')}
      />
    </EditorForm>
  );
}

export function HeadingPage({ page, heading }: { page: EditorPageProps; heading: FrameworkHeading }): VNode {
  const { frameworkId, draft, values, errors } = page;
  return (
    <EditorForm
      page={page}
      heading={`Change the heading ${heading.name}`}
      action={frameworkPaths.heading(frameworkId, draft.id, heading.key)}
      saved={[{ label: 'Heading', value: heading.name }]}
      save={{ text: 'Save heading' }}
    >
      <Input
        id="name"
        name="name"
        label={{ text: 'Heading', classes: 'govuk-label--s' }}
        hint={{ text: 'Renaming a heading keeps its elements and what reviews say about them.' }}
        value={valueOf(values, 'name')}
        errorMessage={errors.field('name')}
      />
    </EditorForm>
  );
}

/** Removing a heading or an element: said in full, confirmed by a button, refused with a reason under `remove`. */
export function RemovePage({
  page,
  what,
  name,
  consequence,
  action,
}: {
  page: EditorPageProps;
  what: 'heading' | 'element';
  name: string;
  consequence: string;
  action: string;
}): VNode {
  return (
    <EditorForm
      page={page}
      heading={`Remove the ${what} ${name}?`}
      action={action}
      saved={[{ label: what === 'heading' ? 'Heading' : 'Element', value: name }]}
      save={{ text: `Remove ${what}`, id: 'remove', classes: 'govuk-button--warning' }}
    >
      <p class="govuk-body">{consequence}</p>
    </EditorForm>
  );
}
