import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { PasswordInput } from '../../../platform/views/components/password-input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { organisationPeoplePaths } from '../people.paths.ts';
import { roleLabels, type Role } from '../roles.ts';

export function InvitePage(props: {
  organisation: { id: string; name: string; roles: readonly Role[] };
  values: FormValues;
  errors: FormErrors;
}) {
  const { organisation, values, errors } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <span class="govuk-caption-l">{organisation.name}</span>
        <h1 class="govuk-heading-l">Invite someone</h1>
        <Form action={organisationPeoplePaths.invite(organisation.id)}>
          <Input
            id="displayName"
            name="displayName"
            autocomplete="off"
            label={{ text: 'Full name' }}
            value={typedText(values, 'displayName')}
            errorMessage={errors.field('displayName')}
          />
          <Input
            id="email"
            name="email"
            type="email"
            autocomplete="off"
            spellcheck={false}
            label={{ text: 'Email address' }}
            value={typedText(values, 'email')}
            errorMessage={errors.field('email')}
          />
          <Radios
            name="role"
            fieldset={{ legend: { text: 'Role', classes: 'govuk-fieldset__legend--m' } }}
            value={typedText(values, 'role')}
            errorMessage={errors.field('role')}
            items={organisation.roles.map((role) => ({ value: role, text: roleLabels[role] }))}
          />
          <Button text="Send invitation" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}

export function AcceptInvitationPage(props: {
  token: string;
  invitation: { displayName: string; organisationName: string; role: Role; email: string };
  signedInAsInvitee: boolean;
  needsSignIn: boolean;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  const { invitation, values, errors } = props;
  const action = `/invitations/${props.token}`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <h1 class="govuk-heading-l">Join {invitation.organisationName} on Tandem</h1>
        <p class="govuk-body">
          You have been invited as {roleLabels[invitation.role].toLowerCase()}, with the email address{' '}
          {invitation.email}.
        </p>
        {props.needsSignIn ? (
          <p class="govuk-body">
            You already have a Tandem account.{' '}
            <a class="govuk-link" href={`/sign-in?returnTo=${encodeURIComponent(action)}`}>
              Sign in
            </a>{' '}
            as {invitation.email}, then accept the invitation.
          </p>
        ) : (
          <Form action={action}>
            {!props.signedInAsInvitee && (
              <>
                <Input
                  id="displayName"
                  name="displayName"
                  autocomplete="name"
                  label={{ text: 'Full name' }}
                  value={typedText(values, 'displayName') || invitation.displayName}
                  errorMessage={errors.field('displayName')}
                />
                <PasswordInput
                  id="password"
                  name="password"
                  autocomplete="new-password"
                  label={{ text: 'Choose a password' }}
                  hint={{ text: 'At least 12 characters. A few words you will remember make a good one.' }}
                  errorMessage={errors.field('password')}
                />
              </>
            )}
            <Button text="Accept invitation" preventDoubleClick />
          </Form>
        )}
      </div>
    </div>
  );
}

export function InvitationGonePage(): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This invitation link has expired or been used</h1>
        <p class="govuk-body">Invitation links work once and for 7 days. Ask whoever invited you to send a new one.</p>
        <p class="govuk-body">
          If you have already accepted it,{' '}
          <a class="govuk-link" href="/sign-in">
            sign in
          </a>
          .
        </p>
      </div>
    </div>
  );
}
