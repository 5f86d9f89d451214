import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { PasswordInput } from '../../../platform/views/components/password-input.tsx';
import { Form } from '../../../platform/views/form.tsx';

const column = (children: VNode | VNode[]) => (
  <div class="govuk-grid-row">
    <div class="govuk-grid-column-two-thirds">{children}</div>
  </div>
);

export function RequestResetPage({ values, errors }: { values: FormValues; errors: FormErrors }): VNode {
  return column([
    <ErrorSummaryFor errors={errors} />,
    <h1 class="govuk-heading-l">Reset your password</h1>,
    <p class="govuk-body">
      Enter the email address of your Tandem account. We will email you a link to choose a new password.
    </p>,
    <Form action="/password-reset">
      <Input
        id="email"
        name="email"
        type="email"
        autocomplete="email"
        spellcheck={false}
        label={{ text: 'Email address' }}
        value={typeof values.email === 'string' ? values.email : ''}
        errorMessage={errors.field('email')}
      />
      <Button text="Send the link" preventDoubleClick />
    </Form>,
  ]);
}

export function ResetRequestedPage(): VNode {
  return column([
    <h1 class="govuk-heading-l">Check your email</h1>,
    <p class="govuk-body">
      If that address belongs to a Tandem account, we have sent it a link to reset the password. The link works once,
      for 1 hour.
    </p>,
    <p class="govuk-body">
      No email after a few minutes? Check your spam folder, or{' '}
      <a class="govuk-link" href="/password-reset">
        try again
      </a>
      .
    </p>,
  ]);
}

export function ChooseNewPasswordPage({ token, errors }: { token: string; errors: FormErrors }): VNode {
  return column([
    <ErrorSummaryFor errors={errors} />,
    <h1 class="govuk-heading-l">Choose a new password</h1>,
    <Form action={`/password-reset/${token}`}>
      <PasswordInput
        id="password"
        name="password"
        autocomplete="new-password"
        label={{ text: 'New password' }}
        hint={{ text: 'At least 12 characters. A few words you will remember make a good one.' }}
        errorMessage={errors.field('password')}
      />
      <Button text="Save password" preventDoubleClick />
    </Form>,
  ]);
}

export function ResetLinkGonePage(): VNode {
  return column([
    <h1 class="govuk-heading-l">This link has expired or been used</h1>,
    <p class="govuk-body">
      Password reset links work once and for 1 hour.{' '}
      <a class="govuk-link" href="/password-reset">
        Ask for a new link
      </a>
      .
    </p>,
  ]);
}
