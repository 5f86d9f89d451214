import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { StoredPreferences } from '../matching.service.ts';
import { localityChoices } from '../matching.schemas.ts';
import { ENGLISH_REGIONS, PHASES, PHASE_LABELS, TRUST_SIZE_BANDS, TRUST_SIZE_LABELS } from '../mentor-profile-terms.ts';
import type { PartnershipRow } from '../partnership-access.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';

import { PartnershipCaption } from './partnership-parts.tsx';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Saved preferences as the form shows them. */
export function preferenceValues(preferences: StoredPreferences | null, version: number): FormValues {
  if (!preferences) return { trustSize: 'none', locality: 'none', version: String(version) };
  const locality = Object.entries(localityChoices).find(([, meaning]) => meaning === preferences.locality)?.[0];
  return {
    themes: preferences.themes.join(', '),
    phases: [...preferences.phases],
    trustSize: preferences.trustSize ?? 'none',
    wants: [
      ...(preferences.wantsGrowthExperience ? ['growth'] : []),
      ...(preferences.wantsMergerExperience ? ['merger'] : []),
    ],
    region: preferences.region ?? '',
    locality: locality ?? 'none',
    otherWishes: preferences.otherWishes,
    version: String(version),
  };
}

export function PreferencesPage({
  partnership,
  values,
  errors,
  done,
  stale,
}: {
  partnership: PartnershipRow;
  values: FormValues;
  errors: FormErrors;
  done: string | null;
  stale: boolean;
}): VNode {
  const text = (name: string) => typedText(values, name);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={done} />}
        {stale && (
          <NotificationBanner
            titleText="Important"
            text="The partnership changed after you opened this page, so your preferences have not been saved. What you typed is below: check it and save again."
          />
        )}
        <PartnershipCaption partnership={partnership} />
        <h1 class="govuk-heading-l">Your preferences for a mentor</h1>
        <p class="govuk-body">
          The programme manager ranks the provider’s mentors against what you say here. Only you, the others on your
          side and the programme manager read it.
        </p>
        <Form action={partnershipPaths.of(partnership.id, 'preferences')}>
          <input type="hidden" name="version" value={text('version')} />
          <Input
            id="themes"
            name="themes"
            label={{ text: 'Experience you would like your mentor to have (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'Separate each with a comma, for example: turnaround, church schools, finance' }}
            value={text('themes')}
            errorMessage={errors.field('themes')}
          />
          <Checkboxes
            name="phases"
            idPrefix="phases"
            fieldset={{ legend: { text: 'Phases of your schools (optional)', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Select all that apply.' }}
            values={typedList(values, 'phases')}
            errorMessage={errors.field('phases')}
            items={PHASES.map((phase) => ({ value: phase, text: capitalised(PHASE_LABELS[phase]) }))}
          />
          <Radios
            name="trustSize"
            idPrefix="trustSize"
            fieldset={{ legend: { text: 'The size of your trust', classes: 'govuk-fieldset__legend--s' } }}
            value={text('trustSize')}
            errorMessage={errors.field('trustSize')}
            items={[
              ...TRUST_SIZE_BANDS.map((band) => ({ value: band, text: capitalised(TRUST_SIZE_LABELS[band]) })),
              { divider: 'or' },
              { value: 'none', text: 'No preference' },
            ]}
          />
          <Checkboxes
            name="wants"
            idPrefix="wants"
            fieldset={{ legend: { text: 'Growth and mergers (optional)', classes: 'govuk-fieldset__legend--s' } }}
            values={typedList(values, 'wants')}
            errorMessage={errors.field('wants')}
            items={[
              { value: 'growth', text: 'Someone who has grown a trust' },
              { value: 'merger', text: 'Someone who has led a trust through a merger' },
            ]}
          />
          <Select
            id="region"
            name="region"
            label={{ text: 'Your region', classes: 'govuk-label--s' }}
            value={text('region')}
            errorMessage={errors.field('region')}
            items={[
              { value: '', text: 'Select a region' },
              ...ENGLISH_REGIONS.map((region) => ({ value: region, text: region })),
            ]}
          />
          <Radios
            name="locality"
            idPrefix="locality"
            fieldset={{
              legend: { text: 'Local knowledge or independence?', classes: 'govuk-fieldset__legend--s' },
            }}
            value={text('locality')}
            errorMessage={errors.field('locality')}
            items={[
              { value: 'local', text: 'Someone with local knowledge', hint: { text: 'Who works in your region' } },
              {
                value: 'independent',
                text: 'Someone independent of my locale',
                hint: { text: 'Who works in another region' },
              },
              { value: 'none', text: 'No preference' },
            ]}
          />
          <Textarea
            id="otherWishes"
            name="otherWishes"
            rows={4}
            label={{ text: 'Anything else the programme manager should know (optional)', classes: 'govuk-label--s' }}
            value={text('otherWishes')}
            errorMessage={errors.field('otherWishes')}
          />
          <Button text="Save your preferences" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}
