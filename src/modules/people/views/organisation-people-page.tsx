import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Table } from '../../../platform/views/components/table.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';
import { PEOPLE_PAGE_SIZE, type MembersPage, type OrganisationMember } from '../admin.service.ts';
import { organisationPeoplePaths } from '../people.paths.ts';
import { roleLabels } from '../roles.ts';

/** Each person once, with every role they hold here: memberships arrive one row per role, a person's together. */
export function groupByPerson(members: OrganisationMember[]): OrganisationMember[][] {
  const groups = new Map<string, OrganisationMember[]>();
  for (const member of members) groups.set(member.personId, [...(groups.get(member.personId) ?? []), member]);
  return [...groups.values()];
}

export function accountStatus(member: Pick<OrganisationMember, 'deactivatedAt' | 'hasPassword'>): string {
  if (member.deactivatedAt) return `Deactivated on ${formatLondonDate(member.deactivatedAt)}`;
  return member.hasPassword ? 'Active' : 'Invited (has not set a password yet)';
}

/** The people of an organisation, for those who bring people into it: a programme manager, a chief executive. */
export function OrganisationPeoplePage({
  organisation,
  result,
  invited,
}: {
  organisation: { id: string; name: string };
  result: MembersPage;
  invited: boolean;
}): VNode {
  const people = groupByPerson(result.members);
  return (
    <>
      {invited && <NotificationBanner type="success" text="Invitation sent" />}
      <span class="govuk-caption-l">{organisation.name}</span>
      <h1 class="govuk-heading-l">People</h1>
      <Button text="Invite someone" href={organisationPeoplePaths.invite(organisation.id)} />
      <ResultCount
        page={result.page}
        pageSize={PEOPLE_PAGE_SIZE}
        shown={people.length}
        total={result.total}
        noun={{ one: 'person', many: 'people' }}
      />
      {people.length > 0 && (
        <Table
          caption={`People in ${organisation.name}`}
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Name' }, { text: 'Email address' }, { text: 'Roles' }, { text: 'Account' }]}
          rows={people.map((memberships) => {
            const [person] = memberships;
            return [
              { text: person?.displayName ?? '' },
              { text: person?.email ?? '', classes: 'govuk-!-text-break-word' },
              { text: memberships.map((membership) => roleLabels[membership.role]).join(', ') },
              { text: person ? accountStatus(person) : '' },
            ];
          })}
        />
      )}
      <PageLinks
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => organisationPeoplePaths.people(organisation.id, { page })}
        label="Pages of people"
      />
    </>
  );
}
