import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonTime } from '../../../platform/views/london-time.ts';
import { paths } from '../people.paths.ts';
import type { FormFields, UnsentForm } from '../unsent-forms.service.ts';

/** Fields the page carried for itself (a double press, an edit's version): sent back, not shown as typed. */
const carriedFields = new Set(['creationKey', 'version', 'intent']);

const valuesOf = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/** The answer to a form sent after its session ended, once what it held is kept. */
export function SignedOutPage({ signInHref, until }: { signInHref: string; until: Date }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">You were signed out</h1>
        <p class="govuk-body">
          Tandem signs you out after 30 minutes without activity. That happened before what you sent could be saved.
        </p>
        <p class="govuk-body">
          What you typed is kept until {formatLondonTime(until)}. Sign in again and you can send it as it was.
        </p>
        <Button text="Sign in" href={signInHref} />
      </div>
    </div>
  );
}

function TypedFields({ fields }: { fields: FormFields }): VNode {
  const shown = Object.entries(fields).filter(
    ([name, value]) => !carriedFields.has(name) && valuesOf(value).some((each) => each.trim() !== ''),
  );
  return (
    <Details summaryText="What you typed">
      <SummaryList
        rows={shown.map(([name, value]) => ({
          key: { text: name },
          value: { text: valuesOf(value).join('\n'), classes: 'tandem-pre-line' },
        }))}
      />
    </Details>
  );
}

/** The kept form, ready to send to where it was going, with a fresh CSRF token. */
export function UnsentFormPage({ form }: { form: UnsentForm }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Send what you typed</h1>
        <p class="govuk-body">
          You were signed out before Tandem saved this. It is kept until {formatLondonTime(form.expiresAt)}, for you
          alone. Sending it now does what the form would have done then; if someone has changed the same thing since,
          you will be shown both.
        </p>
        <TypedFields fields={form.fields} />
        <Form action={form.path}>
          {Object.entries(form.fields).flatMap(([name, value]) =>
            valuesOf(value).map((each, index) => (
              <input type="hidden" name={name} value={each} key={`${name}-${index}`} />
            )),
          )}
          <Button text="Send it now" preventDoubleClick />
        </Form>
        <Form action={paths.unsentForm}>
          <Button text="Throw it away" classes="govuk-button--secondary" />
        </Form>
      </div>
    </div>
  );
}

export function NothingUnsentPage(): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Nothing is waiting to be sent</h1>
        <p class="govuk-body">
          A form sent after you were signed out is kept for an hour, for the person who sent it. There is none for you
          now: it was sent, thrown away, or its hour has passed.
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/">
            Go to your home page
          </a>
        </p>
      </div>
    </div>
  );
}
