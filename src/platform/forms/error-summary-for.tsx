import type { VNode } from 'preact';
import { ErrorSummary } from '../views/components/error-summary.tsx';
import type { FormErrors } from './forms.ts';

/** The error summary at the top of a form page, or nothing when the form has no errors. */
export function ErrorSummaryFor({ errors }: { errors: FormErrors }): VNode | null {
  return errors.any ? <ErrorSummary titleText="There is a problem" errorList={errors.summary} /> : null;
}
