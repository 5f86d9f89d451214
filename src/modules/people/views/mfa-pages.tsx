import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { paths } from '../people.paths.ts';

const codeInput = (errors: FormErrors, hint: string) => (
  <Input
    id="code"
    name="code"
    classes="govuk-input--width-10"
    autocomplete="one-time-code"
    spellcheck={false}
    label={{ text: 'Code', classes: 'govuk-label--s' }}
    hint={{ text: hint }}
    errorMessage={errors.field('code')}
  />
);

export function VerifySecondFactorPage({ errors, returnTo }: { errors: FormErrors; returnTo: string }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <h1 class="govuk-heading-l">Enter the code from your authenticator app</h1>
        <Form action={paths.verifySecondFactor}>
          <input type="hidden" name="returnTo" value={returnTo} />
          {codeInput(errors, 'The 6-digit code, or one of your recovery codes if you do not have your phone')}
          <Button text="Continue" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}

export function SetUpSecondFactorPage({
  errors,
  secret,
  qrCodeDataUrl,
  required,
}: {
  errors: FormErrors;
  secret: string;
  qrCodeDataUrl: string;
  required: boolean;
}): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <h1 class="govuk-heading-l">Set up two-factor authentication</h1>
        {required && (
          <p class="govuk-body">
            Your role lets you see many organisations’ work, so your account needs a second factor.
          </p>
        )}
        <ol class="govuk-list govuk-list--number">
          <li>
            Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).
          </li>
          <li>Scan this QR code with the app.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <img src={qrCodeDataUrl} alt="QR code for your authenticator app" width={200} height={200} />
        <Details summaryText="I cannot scan the QR code">
          <p class="govuk-body">Enter this key in your app instead:</p>
          <p class="govuk-body tandem-secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</p>
        </Details>
        <Form action={paths.setUpSecondFactor}>
          {codeInput(errors, 'The 6-digit code from your app')}
          <Button text="Turn on two-factor authentication" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}

export function RecoveryCodesPage({ codes }: { codes: string[] }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Two-factor authentication is on</h1>
        <p class="govuk-body">
          If you lose your phone, you can sign in with one of these recovery codes. Each works once.
        </p>
        <WarningText text="Save these codes somewhere safe now. You will not see them again." />
        <ul class="govuk-list tandem-recovery-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <a class="govuk-button" href={paths.account}>
          I have saved my recovery codes
        </a>
      </div>
    </div>
  );
}
