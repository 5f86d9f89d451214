import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { ErrorSummary } from '../../../platform/views/components/error-summary.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { ParticipantRow, PartnershipRow } from '../partnerships.service.ts';

/** "the mentor side, as a lead contact, for Carrow Trust": where they take part. */
function placeOf(participant: ParticipantRow): string {
  return [
    participant.side === 'peer' ? 'as a peer' : `on the ${participant.side} side`,
    participant.lead ? 'as a lead contact' : null,
    participant.organisationName ? `for ${participant.organisationName}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Asks whether to take someone out of the partnership, or says why they cannot be: `refused` when
 * a removal was just tried and turned down, so the reason comes as an error summary.
 */
export function ParticipantRemovePage({
  partnership,
  participant,
  problem,
  refused,
}: {
  partnership: PartnershipRow;
  participant: ParticipantRow;
  problem: string | null;
  refused: boolean;
}): VNode {
  const back = partnershipPaths.of(partnership.id, 'participants');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={back} text="Back to who takes part" />
        {refused && problem && (
          <ErrorSummary titleText="There is a problem" errorList={[{ text: problem, href: '#problem' }]} />
        )}
        <span class="govuk-caption-l">{partnership.title}</span>
        <h1 class="govuk-heading-l">Remove {participant.displayName} from the partnership?</h1>
        <p class="govuk-body">They take part {placeOf(participant)}.</p>
        {problem ? (
          <>
            <div id="problem">
              <WarningText text={refused ? `${problem}. Nothing has changed.` : `${problem}.`} />
            </div>
            <p class="govuk-body">
              <a class="govuk-link" href={back}>
                Go back to who takes part
              </a>
            </p>
          </>
        ) : (
          <>
            <p class="govuk-body">
              They will no longer see anything in the partnership, from the moment you remove them: its notes, goals,
              documents and meetings. What they have written stays in it. You can add them again later.
            </p>
            <Form action={partnershipPaths.of(partnership.id, 'participantRemove', { personId: participant.personId })}>
              <div class="govuk-button-group">
                <Button text="Yes, remove them" classes="govuk-button--warning" preventDoubleClick />
                <a class="govuk-link" href={back}>
                  Cancel
                </a>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
