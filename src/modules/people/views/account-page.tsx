import type { VNode } from 'preact';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { paths } from '../people.paths.ts';
import { roleLabels, type Role } from '../roles.ts';

export function AccountPage({ viewer }: { viewer: Viewer }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: { text: 'Name' }, value: { text: viewer.displayName } },
            { key: { text: 'Email address' }, value: { text: viewer.email } },
            ...viewer.memberships.map((membership) => ({
              key: { text: membership.organisationName },
              value: { text: roleLabels[membership.role as Role] ?? membership.role },
            })),
          ]}
        />
        <p class="govuk-body">
          <a class="govuk-link" href="/account/activity">
            See your account activity
          </a>{' '}
          (sign-ins, changes to your account and who read what you shared).
        </p>
        <h2 class="govuk-heading-m">Two-factor authentication</h2>
        {viewer.mfaEnabled ? (
          <p class="govuk-body">On: you sign in with your password and a code from your authenticator app.</p>
        ) : (
          <p class="govuk-body">
            Off.{' '}
            <a class="govuk-link" href={paths.setUpSecondFactor}>
              Set up two-factor authentication
            </a>{' '}
            to protect your account with a code from your phone.
          </p>
        )}
        <h2 class="govuk-heading-m">Signed in elsewhere?</h2>
        <p class="govuk-body">
          If you signed in on a shared or lost device, sign out everywhere. You will need to sign in again here too.
        </p>
        <Form action={paths.signOutEverywhere}>
          <Button text="Sign out everywhere" classes="govuk-button--secondary" />
        </Form>
      </div>
    </div>
  );
}
