import type { VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { FileUpload } from '../../../platform/views/components/file-upload.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import type { PartnershipRow } from '../partnership-access.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { DocumentRow, RequestRow, SchoolRow, VisitRow } from '../preparation.service.ts';
import { PartnershipCaption, PartnershipColumn } from './agreement-parts.tsx';

interface FormProps {
  partnership: PartnershipRow;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}

const backToPreparation = (partnership: PartnershipRow) => ({
  href: partnershipPaths.of(partnership.id, 'preparation'),
  text: 'Back to preparation',
});

export function RequestNewPage({ partnership, values, errors, creationKey }: FormProps): VNode {
  return (
    <PartnershipColumn partnership={partnership} back={backToPreparation(partnership)}>
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Add an item for the mentor to read</h1>
      <Form action={partnershipPaths.of(partnership.id, 'documentRequestNew')}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <Input
          id="title"
          name="title"
          label={{ text: 'What it is', classes: 'govuk-label--s' }}
          hint={{ text: 'For example, Estates strategy' }}
          value={typedText(values, 'title')}
          errorMessage={errors.field('title')}
        />
        <Textarea
          id="detail"
          name="detail"
          rows={3}
          label={{ text: 'Why it matters (optional)', classes: 'govuk-label--s' }}
          value={typedText(values, 'detail')}
          errorMessage={errors.field('detail')}
        />
        <Button text="Add the item" preventDoubleClick />
      </Form>
    </PartnershipColumn>
  );
}

export function GivePage({
  partnership,
  request,
  documents,
  values,
  errors,
  creationKey,
}: FormProps & { request: RequestRow; documents: DocumentRow[] }): VNode {
  return (
    <PartnershipColumn partnership={partnership} back={backToPreparation(partnership)}>
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">{request.title}</h1>
      {request.detail && <p class="govuk-body">{request.detail}</p>}
      <p class="govuk-body">
        {documents.length === 0
          ? 'Nothing has been given for this yet.'
          : `Given so far: ${documents.map((each) => each.fileName ?? each.link ?? '').join('; ')}.`}
      </p>
      <Form
        action={partnershipPaths.of(partnership.id, 'documentRequest', { requestId: request.id })}
        enctype="multipart/form-data"
      >
        <input type="hidden" name="creationKey" value={creationKey} />
        <FileUpload
          name="file"
          label={{ text: 'File', classes: 'govuk-label--s' }}
          hint={{ text: 'PDF, Word, Excel, PowerPoint, an image or text; up to 10MB. Give a file, a link, or both.' }}
          errorMessage={errors.field('file')}
        />
        <Input
          id="link"
          name="link"
          type="url"
          spellcheck={false}
          label={{ text: 'Link', classes: 'govuk-label--s' }}
          hint={{ text: 'A web address starting https://, for example to a shared folder' }}
          value={typedText(values, 'link')}
          errorMessage={errors.field('link')}
        />
        <Textarea
          id="note"
          name="note"
          rows={3}
          label={{ text: 'Note for the mentor (optional)', classes: 'govuk-label--s' }}
          value={typedText(values, 'note')}
          errorMessage={errors.field('note')}
        />
        <Button text="Give it" preventDoubleClick />
      </Form>
    </PartnershipColumn>
  );
}

export function VisitNewPage({
  partnership,
  schools,
  visits,
  values,
  errors,
  creationKey,
}: FormProps & { schools: SchoolRow[]; visits: VisitRow[] }): VNode {
  const planned = new Map(visits.map((visit) => [visit.schoolId, visit]));
  return (
    <PartnershipColumn partnership={partnership} back={backToPreparation(partnership)}>
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Plan a school visit</h1>
      {schools.length === 0 ? (
        <p class="govuk-body">
          The register has no open schools of {partnership.menteeTrustName ?? 'the mentee’s trust'}, so no visit can be
          planned here.
        </p>
      ) : (
        <Form action={partnershipPaths.of(partnership.id, 'visitNew')}>
          <input type="hidden" name="creationKey" value={creationKey} />
          <Radios
            name="school"
            idPrefix="school"
            value={typedText(values, 'school')}
            fieldset={{ legend: { text: 'Which school', classes: 'govuk-fieldset__legend--s' } }}
            hint={{
              text: `The open schools of ${partnership.menteeTrustName ?? 'the mentee’s trust'} in the register`,
            }}
            errorMessage={errors.field('school')}
            items={schools
              .filter((school) => !planned.has(school.id))
              .map((school) => {
                const about = [school.phase, school.town].filter(Boolean).join(', ');
                return { value: school.id, text: school.name, ...(about ? { hint: { text: about } } : {}) };
              })}
          />
          {/* Listed rather than shown as greyed-out choices: a disabled radio's faint text is hard to read. */}
          {planned.size > 0 && (
            <>
              <p class="govuk-body">Visits already planned:</p>
              <ul class="govuk-list govuk-list--bullet">
                {schools
                  .filter((school) => planned.has(school.id))
                  .map((school) => (
                    <li key={school.id}>
                      {school.name}, {formatDay(planned.get(school.id)?.visitOn ?? '')}
                    </li>
                  ))}
              </ul>
            </>
          )}
          <DateInputField
            name="visitOn"
            legend="Date of the visit"
            hint="For example, 1 9 2026"
            values={values}
            errors={errors}
          />
          <Textarea
            id="meeting"
            name="meeting"
            rows={3}
            label={{ text: 'Whom the mentor meets (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'Key staff, and as the mentee wishes, the chair or the executive team' }}
            value={typedText(values, 'meeting')}
            errorMessage={errors.field('meeting')}
          />
          <Button text="Plan the visit" preventDoubleClick />
        </Form>
      )}
    </PartnershipColumn>
  );
}
