import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { email, requiredText } from '../../src/platform/forms/fields.ts';
import { ErrorSummaryFor } from '../../src/platform/forms/error-summary-for.tsx';
import { FormErrors, parseForm, type FormValues } from '../../src/platform/forms/forms.ts';
import { Button } from '../../src/platform/views/components/button.tsx';
import { Input } from '../../src/platform/views/components/input.tsx';
import { Form } from '../../src/platform/views/form.tsx';

/** A form that exists only in tests, to exercise the platform's form handling end to end. */
const contactSchema = z.object({
  name: requiredText('Enter your full name', {
    maxLength: 100,
    whenTooLong: 'Full name must be 100 characters or fewer',
  }),
  email: email('Enter your email address'),
});

export const submittedContacts: Array<z.output<typeof contactSchema>> = [];

function ContactForm({ values, errors }: { values: FormValues; errors: FormErrors }) {
  return (
    <>
      <ErrorSummaryFor errors={errors} />
      <h1 class="govuk-heading-l">Contact details</h1>
      <Form action="/test/contact">
        <Input
          id="name"
          name="name"
          label={{ text: 'Full name' }}
          value={String(values.name ?? '')}
          errorMessage={errors.field('name')}
        />
        <Input
          id="email"
          name="email"
          type="email"
          label={{ text: 'Email address' }}
          value={String(values.email ?? '')}
          errorMessage={errors.field('email')}
        />
        <Button text="Save" />
      </Form>
    </>
  );
}

export async function formFixtureRoutes(app: FastifyInstance): Promise<void> {
  app.get('/test/contact', async (_request, reply) =>
    reply.renderPage({ title: 'Contact details', content: <ContactForm values={{}} errors={FormErrors.none()} /> }),
  );
  app.post('/test/contact', async (request, reply) => {
    const form = parseForm(contactSchema, request.body);
    if (!form.ok) {
      return reply.renderPage({
        title: 'Contact details',
        status: 400,
        hasErrors: true,
        content: <ContactForm values={form.values} errors={form.errors} />,
      });
    }
    submittedContacts.push(form.data);
    return reply.redirect('/test/contact', 303);
  });
}
