import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { PasswordInput } from '../../../platform/views/components/password-input.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { paths } from '../people.paths.ts';

export function SignInPage({
  values,
  errors,
  returnTo,
}: {
  values: FormValues;
  errors: FormErrors;
  returnTo: string;
}): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <h1 class="govuk-heading-l">Sign in to Tandem</h1>
        <Form action={paths.signIn}>
          <input type="hidden" name="returnTo" value={returnTo} />
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
          <PasswordInput
            id="password"
            name="password"
            autocomplete="current-password"
            label={{ text: 'Password' }}
            errorMessage={errors.field('password')}
          />
          <Button text="Sign in" preventDoubleClick />
        </Form>
        <p class="govuk-body">
          <a class="govuk-link" href="/password-reset">
            Forgotten your password?
          </a>
        </p>
        <p class="govuk-body">
          New to Tandem? Ask your organisation's administrator or programme manager for an invitation.
        </p>
      </div>
    </div>
  );
}
