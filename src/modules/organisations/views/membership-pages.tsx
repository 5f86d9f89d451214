import type { ComponentChildren, VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { roleLabels, type OrganisationMember, type Role } from '../../people/index.ts';
import { organisationPaths } from '../organisations.paths.ts';

interface Context {
  organisation: { id: string; name: string };
}

function Frame({ organisation, children }: Context & { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {children}
        <p class="govuk-body">
          <a class="govuk-link" href={organisationPaths.organisation(organisation.id)}>
            {`Back to ${organisation.name}`}
          </a>
        </p>
      </div>
    </div>
  );
}

/** Why an administrator may not do this to their own account, and who can. */
const OWN_LAST_ADMINISTRATOR =
  'This is your only platform administrator role. Ask another platform administrator to change it, so that you do not lock yourself out.';

export function ChangeRolePage({
  organisation,
  membership,
  chosen,
  shownRole,
  errors,
  refused,
  offered,
}: Context & {
  membership: OrganisationMember;
  /** The roles people hold in this kind of organisation. */
  offered: readonly Role[];
  /** The role ticked: the saved one at first, or what was chosen when the form comes back. */
  chosen: string;
  /** The role the form tells the server it showed. */
  shownRole: string;
  errors: FormErrors;
  refused: boolean;
}): VNode {
  return (
    <Frame organisation={organisation}>
      <ErrorSummaryFor errors={errors} />
      <span class="govuk-caption-l">{organisation.name}</span>
      <h1 class="govuk-heading-l">Change {membership.displayName}'s role</h1>
      {refused ? (
        <InsetText text={OWN_LAST_ADMINISTRATOR} />
      ) : (
        <Form action={organisationPaths.role(organisation.id, membership.membershipId)}>
          <input type="hidden" name="currentRole" value={shownRole} />
          <Radios
            name="role"
            idPrefix="role"
            fieldset={{ legend: { text: 'Role', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: `Now: ${roleLabels[membership.role]}` }}
            value={chosen}
            errorMessage={errors.field('role')}
            items={offered.map((role) => ({ value: role, text: roleLabels[role] }))}
          />
          <Button text="Change role" preventDoubleClick />
        </Form>
      )}
    </Frame>
  );
}

export function RemoveMembershipPage({
  organisation,
  membership,
  refused,
}: Context & { membership: OrganisationMember; refused: boolean }): VNode {
  const role = roleLabels[membership.role];
  return (
    <Frame organisation={organisation}>
      <span class="govuk-caption-l">{organisation.name}</span>
      <h1 class="govuk-heading-l">
        Remove {membership.displayName} as {role.toLowerCase()}?
      </h1>
      {refused ? (
        <InsetText text={OWN_LAST_ADMINISTRATOR} />
      ) : (
        <>
          <p class="govuk-body">
            They will no longer have this role in {organisation.name}. Their account and any other roles stay as they
            are.
          </p>
          <Form action={organisationPaths.remove(organisation.id, membership.membershipId)}>
            <Button text="Remove" classes="govuk-button--warning" preventDoubleClick />
          </Form>
        </>
      )}
    </Frame>
  );
}

export function DeactivateAccountPage({
  organisation,
  person,
  ownAccount,
}: Context & { person: OrganisationMember; ownAccount: boolean }): VNode {
  return (
    <Frame organisation={organisation}>
      <span class="govuk-caption-l">{organisation.name}</span>
      <h1 class="govuk-heading-l">Deactivate {person.displayName}'s account?</h1>
      {ownAccount ? (
        <InsetText text="You cannot deactivate your own account. Ask another platform administrator." />
      ) : person.deactivatedAt ? (
        <InsetText text="This account is already deactivated." />
      ) : (
        <>
          <p class="govuk-body">
            {person.displayName} ({person.email}) will be signed out everywhere straight away and will not be able to
            sign in again. Their roles stay on record.
          </p>
          <WarningText text="This applies to their whole account, in every organisation they belong to." />
          <Form action={organisationPaths.deactivate(organisation.id, person.personId)}>
            <Button text="Deactivate account" classes="govuk-button--warning" preventDoubleClick />
          </Form>
        </>
      )}
    </Frame>
  );
}

export function ReactivateAccountPage({ organisation, person }: Context & { person: OrganisationMember }): VNode {
  return (
    <Frame organisation={organisation}>
      <span class="govuk-caption-l">{organisation.name}</span>
      <h1 class="govuk-heading-l">Reactivate {person.displayName}'s account?</h1>
      {person.deactivatedAt ? (
        <>
          <p class="govuk-body">
            {person.displayName} ({person.email}) will be able to sign in again with their password, with the roles they
            held when the account was deactivated.
          </p>
          <Form action={organisationPaths.reactivate(organisation.id, person.personId)}>
            <Button text="Reactivate account" preventDoubleClick />
          </Form>
        </>
      ) : (
        <InsetText text="This account is active." />
      )}
    </Frame>
  );
}
