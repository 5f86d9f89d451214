import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { PHASE_LABELS, TRUST_SIZE_LABELS } from '../mentor-profile-terms.ts';
import type { PoolProfile, PoolRow } from '../mentor-profiles.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';

export function CheckedTag({ checkedAt }: { checkedAt: Date | null }): VNode {
  return checkedAt ? (
    <Tag text="Checked" classes="govuk-tag--green" />
  ) : (
    <Tag text="Not checked" classes="govuk-tag--orange" />
  );
}

export function MentorPoolPage({ pool }: { pool: PoolRow[] }): VNode {
  const providers = [...new Set(pool.map((row) => row.providerName))];
  return (
    <>
      <h1 class="govuk-heading-l">Mentors</h1>
      <p class="govuk-body">
        Each mentor keeps their own profile. Check a profile before its mentor is offered to mentees: a mentor who
        changes what matching reads must be checked again.
      </p>
      {pool.length === 0 && <p class="govuk-body">No mentor has written a profile yet.</p>}
      {providers.map((providerName) => (
        <table class="govuk-table" key={providerName}>
          <caption class="govuk-table__caption govuk-table__caption--m">{providerName}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              {['Mentor', 'Region', 'Capacity', 'Places used', 'Checked'].map((heading) => (
                <th scope="col" class="govuk-table__header" key={heading}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {pool
              .filter((row) => row.providerName === providerName)
              .map((row) => (
                <tr class="govuk-table__row" key={row.id}>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={partnershipPaths.mentor(row.id)}>
                      {row.name}
                    </a>
                    {!row.available && <span class="govuk-body-s"> (not available)</span>}
                  </td>
                  <td class="govuk-table__cell">{row.region ?? 'Not given'}</td>
                  <td class="govuk-table__cell">{row.capacity}</td>
                  <td class="govuk-table__cell">{row.placesUsed}</td>
                  <td class="govuk-table__cell">
                    <CheckedTag checkedAt={row.checkedAt} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

const listOr = (items: readonly string[], none: string) => (items.length > 0 ? items.join(', ') : none);

export function MentorProfileCheckPage({
  profile,
  done,
  stale,
}: {
  profile: PoolProfile;
  done: string | null;
  /** The mentor changed the profile after the page was opened: the check was not made. */
  stale: boolean;
}): VNode {
  const experience = [
    ...profile.experienceTags,
    ...(profile.hasGrownATrust ? ['has grown a trust'] : []),
    ...(profile.hasLedAMerger ? ['has led a merger'] : []),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={partnershipPaths.mentors} text="Back to mentors" />
        {done && <NotificationBanner type="success" text={done} />}
        {stale && (
          <NotificationBanner
            titleText="Important"
            text={`${profile.name} changed their profile after you opened this page. Read it again below before you check it.`}
          />
        )}
        <span class="govuk-caption-l">{profile.providerName}</span>
        <h1 class="govuk-heading-l">{profile.name}</h1>
        <p class="govuk-body">
          <CheckedTag checkedAt={profile.checkedAt} />
          {profile.checkedAt && ` on ${formatLondonDateTime(profile.checkedAt)}`}
        </p>
        <SummaryList
          rows={[
            { key: { text: 'Email' }, value: { text: profile.email } },
            { key: { text: 'Biography' }, value: { text: profile.biography || 'Not written yet' } },
            { key: { text: 'Values' }, value: { text: profile.values || 'Not given' } },
            { key: { text: 'Experience' }, value: { text: listOr(experience, 'None given') } },
            {
              key: { text: 'Phases' },
              value: {
                text: listOr(
                  profile.phases.map((phase) => PHASE_LABELS[phase]),
                  'None given',
                ),
              },
            },
            {
              key: { text: 'Trust sizes' },
              value: {
                text: listOr(
                  profile.trustSizes.map((band) => TRUST_SIZE_LABELS[band]),
                  'None given',
                ),
              },
            },
            { key: { text: 'Region' }, value: { text: profile.region ?? 'Not given' } },
            { key: { text: 'Their trust' }, value: { text: profile.trustName ?? 'Not given' } },
            {
              key: { text: 'Capacity' },
              value: { text: `${profile.capacity} at once; ${profile.placesUsed} in partnerships now` },
            },
            {
              key: { text: 'Available' },
              value: {
                text: `${profile.available ? 'Yes' : 'No'}${profile.availabilityNote ? `: ${profile.availabilityNote}` : ''}`,
              },
            },
            { key: { text: 'Conflicts of interest' }, value: { text: listOr(profile.conflictNames, 'None declared') } },
          ]}
        />
        {profile.checkedAt ? (
          <p class="govuk-body">
            If {profile.name} changes what matching reads, the profile comes back here to be checked.
          </p>
        ) : (
          <Form action={partnershipPaths.mentor(profile.id)}>
            <input type="hidden" name="version" value={String(profile.version)} />
            <Button text="Mark the profile as checked" preventDoubleClick />
          </Form>
        )}
      </div>
    </div>
  );
}
