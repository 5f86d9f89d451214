import type { ComponentChildren, VNode } from 'preact';
import { dateBoxesInError } from '../../../platform/forms/date-fields.ts';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { DateInput } from '../../../platform/views/components/date-input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';

export { PartnershipCaption } from './partnership-parts.tsx';

/** The pieces the agreement and preparation pages share. */

/** The page's column, with the way back to the partnership and its name above the heading. */
export function PartnershipColumn({
  partnership,
  back,
  children,
  wide = false,
}: {
  partnership: { id: string; title: string };
  back?: { href: string; text: string };
  children: ComponentChildren;
  wide?: boolean;
}): VNode {
  return (
    <div class="govuk-grid-row">
      <div class={wide ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
        <BackLink
          href={back?.href ?? partnershipPaths.of(partnership.id, 'partnership')}
          text={back?.text ?? 'Back to the partnership'}
        />
        {children}
      </div>
    </div>
  );
}

/** A green "done" banner after a change, from `?done=…` in the URL. */
export function DoneBanner({ message }: { message: string | null }): VNode | null {
  return message ? <NotificationBanner type="success" text={message} /> : null;
}

/** A GOV.UK date input keeping what was typed and marking the boxes to fix. */
export function DateField({
  name,
  legend,
  hint = 'For example, 1 9 2026',
  values,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  const error = errors.field(name);
  const wrong = error ? dateBoxesInError(values, name) : [];
  const box = (part: 'day' | 'month' | 'year', width: number) => {
    const value = values[`${name}-${part}`];
    return {
      name: part,
      value: typeof value === 'string' ? value : '',
      classes: `govuk-input--width-${width}${wrong.includes(part) ? ' govuk-input--error' : ''}`,
    };
  };
  return (
    <DateInput
      id={name}
      namePrefix={name}
      fieldset={{ legend: { text: legend, classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: hint }}
      errorMessage={error}
      items={[box('day', 2), box('month', 2), box('year', 4)]}
    />
  );
}
