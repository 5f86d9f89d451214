import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { sidesOf } from '../participants.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { ParticipantRow, PartnershipRow } from '../partnerships.service.ts';
import { sideLabels } from './partnership-parts.tsx';

export function ParticipantsPage({
  partnership,
  participants,
  manage,
  values,
  errors,
  done,
}: {
  partnership: PartnershipRow;
  participants: ParticipantRow[];
  manage: boolean;
  values: FormValues;
  errors: FormErrors;
  done: string | null;
}): VNode {
  const sides = sidesOf[partnership.kind];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={done} />}
        <span class="govuk-caption-l">{partnership.title}</span>
        <h1 class="govuk-heading-l">Who takes part</h1>
        {participants.length === 0 ? (
          <p class="govuk-body">Nobody takes part yet.</p>
        ) : (
          <table class="govuk-table" id="participants">
            <caption class="govuk-table__caption govuk-visually-hidden">Participants</caption>
            <TableHead
              head={[
                { text: 'Name' },
                { text: 'Side' },
                { text: 'For' },
                ...(manage ? [{ html: '<span class="govuk-visually-hidden">Actions</span>' }] : []),
              ]}
            />
            <tbody class="govuk-table__body">
              {participants.map((each) => (
                <tr class="govuk-table__row" key={each.personId}>
                  <td class="govuk-table__cell">{`${each.displayName}${each.lead ? ' (lead contact)' : ''}`}</td>
                  <td class="govuk-table__cell">{sideLabels[each.side]}</td>
                  <td class="govuk-table__cell">{each.organisationName ?? ''}</td>
                  {manage && (
                    <td class="govuk-table__cell">
                      <Form
                        action={partnershipPaths.of(partnership.id, 'participantLead', { personId: each.personId })}
                      >
                        <Button
                          name="lead"
                          value={each.lead ? 'no' : 'yes'}
                          classes="govuk-button--secondary govuk-!-margin-bottom-2"
                          text={each.lead ? 'No longer lead contact' : 'Make lead contact'}
                          // The visible words first, then whose row it is, for a screen reader's list of buttons.
                          attributes={{
                            'aria-label': `${each.lead ? 'No longer lead contact' : 'Make lead contact'}: ${each.displayName}`,
                          }}
                          preventDoubleClick
                        />
                      </Form>
                      <a
                        class="govuk-link"
                        href={partnershipPaths.of(partnership.id, 'participantRemove', { personId: each.personId })}
                      >
                        Remove<span class="govuk-visually-hidden"> {each.displayName}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {manage && (
          <>
            <h2 class="govuk-heading-m">Add someone</h2>
            <p class="govuk-body">They will see everything in the partnership: its notes, goals and documents.</p>
            <Form action={partnershipPaths.of(partnership.id, 'participants')}>
              <Input
                id="email"
                name="email"
                type="email"
                autocomplete="off"
                spellcheck={false}
                label={{ text: 'Their email address', classes: 'govuk-label--s' }}
                value={typedText(values, 'email')}
                errorMessage={errors.field('email')}
              />
              {sides.length > 1 ? (
                <Radios
                  name="side"
                  idPrefix="side"
                  classes="govuk-radios--inline"
                  fieldset={{ legend: { text: 'Side', classes: 'govuk-fieldset__legend--s' } }}
                  value={typedText(values, 'side')}
                  errorMessage={errors.field('side')}
                  items={sides.map((side) => ({ value: side, text: sideLabels[side] }))}
                />
              ) : (
                <input type="hidden" name="side" value={sides[0]} />
              )}
              <Input
                id="trust"
                name="trust"
                label={{ text: 'The trust they take part for (optional)', classes: 'govuk-label--s' }}
                hint={{ text: 'Its name as the register gives it, or its Companies House number' }}
                value={typedText(values, 'trust')}
                errorMessage={errors.field('trust')}
              />
              <Checkboxes
                name="lead"
                idPrefix="lead"
                classes="govuk-checkboxes--small"
                fieldset={{ legend: { text: 'Lead contact', classes: 'govuk-fieldset__legend--s' } }}
                values={typedList(values, 'lead')}
                items={[{ value: 'yes', text: 'They are a lead contact of their side' }]}
              />
              <Button text="Add to the partnership" preventDoubleClick />
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
