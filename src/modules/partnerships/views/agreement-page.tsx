import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDate, formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { AcceptanceRow, AgreementPage, AgreementVersionRow } from '../agreements.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { DoneBanner, PartnershipCaption, PartnershipColumn } from './agreement-parts.tsx';

const sideNames = { mentor: 'Mentor side', mentee: 'Mentee side', peer: 'Peer' } as const;

/** Who accepted this version, and when; and who has still to, for the latest. */
function Acceptances({
  version,
  page,
  latest,
}: {
  version: AgreementVersionRow;
  page: AgreementPage;
  latest: boolean;
}): VNode {
  const accepted = page.acceptances.filter((each) => each.agreementId === version.id);
  const waiting = latest
    ? page.required.filter((party) => !accepted.some((each) => each.personId === party.personId))
    : [];
  const nameOf = (each: AcceptanceRow) =>
    page.required.find((party) => party.personId === each.personId)?.displayName ?? each.typedName;
  return (
    <dl class="govuk-summary-list">
      {accepted.map((each) => (
        <div class="govuk-summary-list__row" key={each.personId}>
          <dt class="govuk-summary-list__key">
            {nameOf(each)} ({sideNames[each.side].toLowerCase()})
          </dt>
          <dd class="govuk-summary-list__value">
            Accepted on {formatLondonDateTime(each.acceptedAt)}, typing “{each.typedName}”
          </dd>
        </div>
      ))}
      {waiting.map((party) => (
        <div class="govuk-summary-list__row" key={party.personId}>
          <dt class="govuk-summary-list__key">
            {party.displayName} ({sideNames[party.side].toLowerCase()})
          </dt>
          <dd class="govuk-summary-list__value">Not accepted yet</dd>
        </div>
      ))}
      {accepted.length === 0 && waiting.length === 0 && (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Accepted by</dt>
          <dd class="govuk-summary-list__value">Nobody</dd>
        </div>
      )}
    </dl>
  );
}

function AcceptForm({
  page,
  version,
  values,
  errors,
}: {
  page: AgreementPage;
  version: AgreementVersionRow;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  return (
    <Form action={partnershipPaths.of(page.partnership.id, 'agreement')}>
      <h2 class="govuk-heading-m" id="accept-version">
        Accept version {version.number}
      </h2>
      <input type="hidden" name="agreementId" value={version.id} />
      <Input
        id="fullName"
        name="fullName"
        autocomplete="name"
        spellcheck={false}
        label={{ text: 'Your full name', classes: 'govuk-label--s' }}
        hint={{ text: 'As it is on your Tandem account' }}
        value={typedText(values, 'fullName')}
        errorMessage={errors.field('fullName')}
      />
      <Checkboxes
        name="accept"
        idPrefix="accept"
        values={typedList(values, 'accept')}
        errorMessage={errors.field('accept')}
        items={[{ value: 'yes', text: 'I accept this agreement' }]}
      />
      <Button text="Accept the agreement" preventDoubleClick />
    </Form>
  );
}

export function AgreementPageView({
  page,
  done,
  values,
  errors,
}: {
  page: AgreementPage;
  done: string | null;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  const { partnership, versions } = page;
  const [latest, ...earlier] = versions;
  return (
    <PartnershipColumn partnership={partnership}>
      <ErrorSummaryFor errors={errors} />
      <DoneBanner message={done} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Agreement</h1>
      {!latest && <p class="govuk-body">No agreement has been made for this partnership yet.</p>}
      {page.mayManage && (
        <Button
          href={partnershipPaths.of(partnership.id, 'agreementNew')}
          text={latest ? 'Make a new version' : 'Make the agreement'}
          classes="govuk-button--secondary"
        />
      )}
      {latest && (
        <>
          <h2 class="govuk-heading-m">
            Version {latest.number} <span class="govuk-caption-m">The current version</span>
          </h2>
          <p class="govuk-body">
            Made on {formatLondonDate(latest.createdAt)}
            {latest.createdByName ? ` by ${latest.createdByName}` : ''}.
          </p>
          <div class="govuk-inset-text tandem-pre-line" id="agreement-text">
            {latest.text}
          </div>
          <h3 class="govuk-heading-s">Who has accepted version {latest.number}</h3>
          <Acceptances version={latest} page={page} latest />
          {page.mayAccept && <AcceptForm page={page} version={latest} values={values} errors={errors} />}
        </>
      )}
      {earlier.length > 0 && (
        <>
          <h2 class="govuk-heading-m">Earlier versions</h2>
          <p class="govuk-body">Each earlier version is kept exactly as it was made and accepted.</p>
          {earlier.map((version) => (
            <Details
              key={version.id}
              summaryText={`Version ${version.number}, made on ${formatLondonDate(version.createdAt)}`}
            >
              <div class="tandem-pre-line govuk-body">{version.text}</div>
              <h3 class="govuk-heading-s">Who accepted version {version.number}</h3>
              <Acceptances version={version} page={page} latest={false} />
            </Details>
          ))}
        </>
      )}
    </PartnershipColumn>
  );
}
