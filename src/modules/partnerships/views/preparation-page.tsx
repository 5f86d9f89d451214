import type { VNode } from 'preact';
import { describeSize } from '../../../platform/files/index.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay, formatLondonDate, formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { VISITS_NEEDED, type DocumentRow, type PreparationPage } from '../preparation.service.ts';
import { DoneBanner, PartnershipCaption, PartnershipColumn } from './agreement-parts.tsx';

function Given({ partnershipId, document }: { partnershipId: string; document: DocumentRow }): VNode {
  return (
    <li>
      {document.fileName && (
        <a class="govuk-link" href={partnershipPaths.of(partnershipId, 'documentFile', { documentId: document.id })}>
          {document.fileName}
          {document.size !== null && ` (${describeSize(document.size)})`}
        </a>
      )}
      {document.fileName && document.link && ' and '}
      {document.link && (
        <a class="govuk-link tandem-break-words" href={document.link} rel="noreferrer noopener">
          {document.link}
        </a>
      )}
      <span class="govuk-body-s">
        {' '}
        given{document.addedByName ? ` by ${document.addedByName}` : ''} on {formatLondonDateTime(document.createdAt)}
      </span>
      {document.note && <p class="govuk-body-s tandem-pre-line govuk-!-margin-bottom-1">{document.note}</p>}
    </li>
  );
}

function Checklist({ page }: { page: PreparationPage }): VNode {
  const { partnership, requests } = page;
  const given = requests.filter((each) => each.documents.length > 0).length;
  return (
    <>
      <h2 class="govuk-heading-m">Documents for the reading day</h2>
      <p class="govuk-body">
        {requests.length === 0
          ? 'Nothing has been asked for yet.'
          : `${given} of ${requests.length} ${requests.length === 1 ? 'item' : 'items'} given.`}
      </p>
      {requests.length > 0 && (
        <ul class="govuk-list">
          {requests.map((request) => (
            <li key={request.id} class="govuk-!-margin-bottom-6">
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                {request.title}{' '}
                {request.documents.length > 0 ? (
                  <Tag text="Given" classes="govuk-tag--green" />
                ) : (
                  <Tag text="Not given yet" classes="govuk-tag--grey" />
                )}
              </h3>
              {request.detail && <p class="govuk-body govuk-!-margin-bottom-1">{request.detail}</p>}
              {!request.standard && request.addedByName && (
                <p class="govuk-body-s govuk-!-margin-bottom-1">Added by {request.addedByName}</p>
              )}
              {request.documents.length > 0 && (
                <ul class="govuk-list govuk-list--bullet">
                  {request.documents.map((document) => (
                    <Given key={document.id} partnershipId={partnership.id} document={document} />
                  ))}
                </ul>
              )}
              {page.asMentee && page.open && (
                <a
                  class="govuk-link"
                  href={partnershipPaths.of(partnership.id, 'documentRequest', { requestId: request.id })}
                >
                  Give a file or link<span class="govuk-visually-hidden"> for {request.title}</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {page.asMentee && page.open && (
        <Button
          href={partnershipPaths.of(partnership.id, 'documentRequestNew')}
          text="Add an item"
          classes="govuk-button--secondary"
        />
      )}
      <h3 class="govuk-heading-s">Reading day</h3>
      {page.readingDone === 'no-time' ? (
        <p class="govuk-body">This partnership has no time for a reading day.</p>
      ) : page.readingDone ? (
        <p class="govuk-body">The mentor read the documents: done on {formatLondonDate(page.readingDone)}.</p>
      ) : (
        <p class="govuk-body">The mentor has not yet said the documents are read.</p>
      )}
      {page.asMentor && page.open && page.readingDone === null && (
        <Form action={partnershipPaths.of(partnership.id, 'preparation')}>
          <Button text="I have read the documents" preventDoubleClick />
        </Form>
      )}
    </>
  );
}

function Visits({ page }: { page: PreparationPage }): VNode {
  const { partnership, visits, visitsDone } = page;
  return (
    <>
      <h2 class="govuk-heading-m">School visits</h2>
      <p class="govuk-body" id="visits-count">
        School visits: {visitsDone} of at least {VISITS_NEEDED} done
        {visitsDone >= VISITS_NEEDED ? '. The school visits day is done.' : '.'}
      </p>
      {visits.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Visits to the trust’s schools</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                School
              </th>
              <th scope="col" class="govuk-table__header">
                Date
              </th>
              <th scope="col" class="govuk-table__header">
                Meeting
              </th>
              <th scope="col" class="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {visits.map((visit) => (
              <tr class="govuk-table__row" key={visit.id}>
                <th scope="row" class="govuk-table__header">
                  {visit.schoolName}
                </th>
                <td class="govuk-table__cell">{formatDay(visit.visitOn)}</td>
                <td class="govuk-table__cell tandem-pre-line">{visit.meeting || 'Not said'}</td>
                <td class="govuk-table__cell">
                  {visit.status === 'done' ? (
                    <Tag text="Done" classes="govuk-tag--green" />
                  ) : page.open ? (
                    <Form action={partnershipPaths.of(partnership.id, 'visit', { visitId: visit.id })}>
                      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        Mark as done<span class="govuk-visually-hidden"> (visit to {visit.schoolName})</span>
                      </button>
                    </Form>
                  ) : (
                    <Tag text="Planned" classes="govuk-tag--blue" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.open && (
        <Button
          href={partnershipPaths.of(partnership.id, 'visitNew')}
          text="Plan a school visit"
          classes="govuk-button--secondary"
        />
      )}
    </>
  );
}

export function PreparationPageView({ page, done }: { page: PreparationPage; done: string | null }): VNode {
  return (
    <PartnershipColumn partnership={page.partnership}>
      <DoneBanner message={done} />
      <PartnershipCaption partnership={page.partnership} />
      <h1 class="govuk-heading-l">Preparation</h1>
      <p class="govuk-body">
        Before the partnership is established, the mentor reads the documents asked for and visits at least{' '}
        {VISITS_NEEDED} of the trust’s schools.
      </p>
      {!page.open && page.partnership.state === 'agreement' && (
        <p class="govuk-body">Preparation begins once both parties have accepted the agreement.</p>
      )}
      <Checklist page={page} />
      <Visits page={page} />
    </PartnershipColumn>
  );
}
