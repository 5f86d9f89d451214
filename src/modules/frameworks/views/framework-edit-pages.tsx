import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { ErrorSummary } from '../../../platform/views/components/error-summary.tsx';
import { FileUpload } from '../../../platform/views/components/file-upload.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { FrameworkFileFormat } from '../framework-document.ts';
import { importFields } from '../framework-upload.ts';
import { frameworkPaths } from '../frameworks.paths.ts';
import type { VersionRecord } from '../frameworks.service.ts';
import { versionLabel } from './framework-pages.tsx';

/**
 * Every problem in the file, each a link to the text box: a file can have many, and people fix
 * them in one pass rather than one per save.
 */
function Problems({ problems, fileProblem }: { problems: string[]; fileProblem?: string }): VNode | null {
  if (problems.length === 0 && !fileProblem) return null;
  return (
    <ErrorSummary
      titleText="There is a problem"
      errorList={[
        ...(fileProblem ? [{ text: fileProblem, href: `#${importFields.file}` }] : []),
        ...problems.map((text) => ({ text, href: '#document' })),
      ]}
    />
  );
}

/** The framework's text, in a monospaced box that the problems above link to. */
function DocumentField(props: { label: string; rows: number; text: string; problems: string[] }): VNode {
  const { problems } = props;
  return (
    <Textarea
      id="document"
      name="document"
      rows={props.rows}
      spellcheck={false}
      classes="govuk-!-font-family-monospace"
      label={{ text: props.label, classes: 'govuk-label--s' }}
      value={props.text}
      errorMessage={
        problems.length > 0
          ? {
              text:
                problems.length === 1
                  ? 'Fix the problem listed above'
                  : `Fix the ${problems.length} problems listed above`,
            }
          : undefined
      }
    />
  );
}

function FormatRadios({ format }: { format: string }): VNode {
  return (
    <Radios
      name="format"
      idPrefix="format"
      classes="govuk-radios--inline"
      fieldset={{ legend: { text: 'Format', classes: 'govuk-fieldset__legend--s' } }}
      value={format}
      items={[
        { value: 'yaml', text: 'YAML' },
        { value: 'json', text: 'JSON' },
      ]}
    />
  );
}

export interface ImportForm {
  text: string;
  format: FrameworkFileFormat;
  problems: string[];
  /** What is wrong with the chosen file, shown beside the file input. */
  fileProblem?: string;
  /** The name of the file whose text is now in the box, after its problems were found. */
  fromFile?: string;
}

export function ImportFrameworkPage({ text, format, problems, fileProblem, fromFile }: ImportForm): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <Problems problems={problems} fileProblem={fileProblem} />
        <h1 class="govuk-heading-l">Import a framework</h1>
        <p class="govuk-body">
          Choose or paste a framework written in Tandem's framework format (see <code>docs/framework-format.md</code>),
          for example one exported from another Tandem. It is saved as a draft: nothing is published until you publish
          it. A file whose key matches a framework already here becomes that framework's next version.
        </p>
        <Form action={frameworkPaths.import} enctype="multipart/form-data">
          <FileUpload
            id={importFields.file}
            name={importFields.file}
            label={{ text: 'Upload a YAML or JSON file', classes: 'govuk-label--s' }}
            hint={{ text: 'A file of 1MB or smaller. If you choose a file, the box below is not used.' }}
            errorMessage={fileProblem ? { text: fileProblem } : undefined}
            attributes={{ accept: '.yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain' }}
          />
          {fromFile && (
            <InsetText
              text={`The text of ${fromFile} is in the box below. Fix it there and import it, or fix the file and choose it again.`}
            />
          )}
          <FormatRadios format={format} />
          <DocumentField label="Or paste the framework file" rows={20} text={text} problems={problems} />
          <Button text="Import as a draft" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}

export function EditDraftPage({
  frameworkId,
  draft,
  text,
  version,
  problems,
  stale,
}: {
  frameworkId: string;
  draft: VersionRecord;
  text: string;
  /** The draft version the text was read from; a save over a newer one is refused. */
  version: number;
  problems: string[];
  /** Someone else saved meanwhile: their version is current, this person's text is kept. */
  stale: boolean;
}): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <Problems problems={problems} />
        <span class="govuk-caption-l">{versionLabel(draft)}</span>
        <h1 class="govuk-heading-l">Edit {draft.name}</h1>
        {stale && (
          <WarningText text="Someone else saved this draft while you were editing it. Your text is below, unsaved. Compare it with the current draft (open it in a new tab), then save again to replace theirs." />
        )}
        <p class="govuk-body">
          The whole draft, in YAML. Keep the key as it is. Levels, headings and elements each need a key that is unique
          (elements across the whole framework); reviews refer to elements by their key.
        </p>
        <Form action={frameworkPaths.edit(frameworkId, draft.id)}>
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="format" value="yaml" />
          <DocumentField label="Framework (YAML)" rows={30} text={text} problems={problems} />
          <div class="govuk-button-group">
            <Button text="Save draft" preventDoubleClick />
            <a class="govuk-link" href={frameworkPaths.version(frameworkId, draft.id)}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}

export function PublishDraftPage({
  frameworkId,
  draft,
  changedMeanwhile,
}: {
  frameworkId: string;
  draft: VersionRecord;
  changedMeanwhile: boolean;
}): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{versionLabel(draft)}</span>
        <h1 class="govuk-heading-l">Publish {draft.name}?</h1>
        {changedMeanwhile && (
          <WarningText text="Someone changed this draft after you opened it. Check it again before you publish." />
        )}
        <p class="govuk-body">
          Once published, this version is frozen: reviews can use it, and nobody can change it. To change it later,
          start a new draft from it.
        </p>
        <Form action={frameworkPaths.publish(frameworkId, draft.id)}>
          <input type="hidden" name="version" value={String(draft.version)} />
          <div class="govuk-button-group">
            <Button text="Publish" preventDoubleClick />
            <a class="govuk-link" href={frameworkPaths.version(frameworkId, draft.id)}>
              Check the draft first
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
