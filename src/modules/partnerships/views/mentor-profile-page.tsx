import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { ENGLISH_REGIONS, PHASES, PHASE_LABELS, TRUST_SIZE_BANDS, TRUST_SIZE_LABELS } from '../mentor-profile-terms.ts';
import type { MyProfile } from '../mentor-profiles.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A saved profile as its form shows it. */
export function profileValues({ profile, provider, trustName, conflictNames }: MyProfile): FormValues {
  if (!profile) return { provider: provider.id, available: 'yes', capacity: '1' };
  return {
    provider: provider.id,
    biography: profile.biography,
    values: profile.values,
    experienceTags: profile.experienceTags.join(', '),
    experience: [...(profile.hasGrownATrust ? ['growth'] : []), ...(profile.hasLedAMerger ? ['merger'] : [])],
    phases: [...profile.phases],
    trustSizes: [...profile.trustSizes],
    region: profile.region ?? '',
    trust: trustName ?? '',
    capacity: String(profile.capacity),
    available: profile.available ? 'yes' : 'no',
    availabilityNote: profile.availabilityNote,
    conflicts: conflictNames.join('\n'),
    version: String(profile.version),
  };
}

function CheckStatus({ mine }: { mine: MyProfile }): VNode {
  const { profile, provider } = mine;
  if (!profile) {
    return <InsetText text={`${provider.name} checks your profile before you are offered to mentees.`} />;
  }
  return profile.checkedAt ? (
    <InsetText
      text={`${provider.name} checked your profile on ${formatLondonDateTime(profile.checkedAt)}. If you change your experience, phases, trust sizes, region, trust, capacity or conflicts, the check is cleared and ${provider.name} must check your profile again before you are offered to mentees.`}
    />
  ) : (
    <InsetText
      text={`${provider.name} has not checked your profile yet: you are not offered to mentees until it has.`}
    />
  );
}

export function MentorProfilePage({
  mine,
  values,
  errors,
  done,
}: {
  mine: MyProfile;
  values: FormValues;
  errors: FormErrors;
  done: string | null;
}): VNode {
  const text = (name: string) => typedText(values, name);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={done} />}
        <span class="govuk-caption-l">{mine.provider.name}</span>
        <h1 class="govuk-heading-l">Your mentor profile</h1>
        {mine.providers.length > 1 && (
          <p class="govuk-body">
            You mentor for more than one provider. Profiles for:{' '}
            {mine.providers.map((provider, index) => (
              <>
                {index > 0 && ', '}
                <a class="govuk-link" href={`${partnershipPaths.myProfile()}?provider=${provider.id}`}>
                  {provider.name}
                </a>
              </>
            ))}
          </p>
        )}
        <CheckStatus mine={mine} />
        <Form action={partnershipPaths.myProfile()}>
          <input type="hidden" name="provider" value={mine.provider.id} />
          <input type="hidden" name="version" value={text('version')} />
          <Textarea
            id="biography"
            name="biography"
            rows={6}
            label={{ text: 'Biography', classes: 'govuk-label--s' }}
            hint={{ text: 'Your career and what you bring to a mentee, in a few paragraphs.' }}
            value={text('biography')}
            errorMessage={errors.field('biography')}
          />
          <Textarea
            id="values"
            name="values"
            rows={3}
            label={{ text: 'Your values (optional)', classes: 'govuk-label--s' }}
            value={text('values')}
            errorMessage={errors.field('values')}
          />
          <Input
            id="experienceTags"
            name="experienceTags"
            label={{ text: 'Experience (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'Separate each with a comma, for example: turnaround, church schools, SEND, finance' }}
            value={text('experienceTags')}
            errorMessage={errors.field('experienceTags')}
          />
          <Checkboxes
            name="experience"
            idPrefix="experience"
            fieldset={{ legend: { text: 'Growth and mergers', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Select all that apply.' }}
            values={typedList(values, 'experience')}
            errorMessage={errors.field('experience')}
            items={[
              { value: 'growth', text: 'I have grown a trust' },
              { value: 'merger', text: 'I have led a trust through a merger' },
            ]}
          />
          <Checkboxes
            name="phases"
            idPrefix="phases"
            fieldset={{ legend: { text: 'Phases you have led', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Select all that apply.' }}
            values={typedList(values, 'phases')}
            errorMessage={errors.field('phases')}
            items={PHASES.map((phase) => ({ value: phase, text: capitalised(PHASE_LABELS[phase]) }))}
          />
          <Checkboxes
            name="trustSizes"
            idPrefix="trustSizes"
            fieldset={{ legend: { text: 'Sizes of trust you know', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Select all that apply.' }}
            values={typedList(values, 'trustSizes')}
            errorMessage={errors.field('trustSizes')}
            items={TRUST_SIZE_BANDS.map((band) => ({ value: band, text: capitalised(TRUST_SIZE_LABELS[band]) }))}
          />
          <Select
            id="region"
            name="region"
            label={{ text: 'The region you work in', classes: 'govuk-label--s' }}
            value={text('region')}
            errorMessage={errors.field('region')}
            items={[
              { value: '', text: 'Select a region' },
              ...ENGLISH_REGIONS.map((region) => ({ value: region, text: region })),
            ]}
          />
          <Input
            id="trust"
            name="trust"
            autocomplete="organization"
            label={{ text: 'Your own trust (optional)', classes: 'govuk-label--s' }}
            hint={{
              text: 'Its name exactly as the register of schools gives it. You are never matched with its people.',
            }}
            value={text('trust')}
            errorMessage={errors.field('trust')}
          />
          <Input
            id="capacity"
            name="capacity"
            inputmode="numeric"
            classes="govuk-input--width-2"
            label={{ text: 'How many mentees you can take at once', classes: 'govuk-label--s' }}
            hint={{ text: 'From 0 to 20' }}
            value={text('capacity')}
            errorMessage={errors.field('capacity')}
          />
          <Radios
            name="available"
            idPrefix="available"
            fieldset={{ legend: { text: 'Can you take a new mentee now?', classes: 'govuk-fieldset__legend--s' } }}
            value={text('available')}
            errorMessage={errors.field('available')}
            items={[
              { value: 'yes', text: 'Yes, I am available' },
              { value: 'no', text: 'No, not at the moment' },
            ]}
          />
          <Input
            id="availabilityNote"
            name="availabilityNote"
            label={{ text: 'A note about your availability (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, “Not available until January”' }}
            value={text('availabilityNote')}
            errorMessage={errors.field('availabilityNote')}
          />
          <Textarea
            id="conflicts"
            name="conflicts"
            rows={4}
            label={{ text: 'Trusts you must not be matched with (optional)', classes: 'govuk-label--s' }}
            hint={{
              text: 'A conflict of interest: one trust per line, each name exactly as the register of schools gives it.',
            }}
            value={text('conflicts')}
            errorMessage={errors.field('conflicts')}
          />
          <Button text="Save your profile" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}
