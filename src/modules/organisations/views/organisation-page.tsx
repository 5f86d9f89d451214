import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList, type SummaryListRow } from '../../../platform/views/components/summary-list.tsx';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';
import {
  accountStatus,
  groupByPerson,
  PEOPLE_PAGE_SIZE,
  roleLabels,
  type OrganisationMember,
} from '../../people/index.ts';
import { doneMessages, organisationPaths, type Done } from '../organisations.paths.ts';
import type { OrganisationOverview, OrganisationRecord } from '../organisations.service.ts';
import { formatDate, kindLabels, statusLabels, trustTypeLabels } from './labels.ts';

/** The DfE register's Ofsted ratings are a snapshot: people must know how old it is. */
export const OFSTED_RATINGS_AS_AT = '15 January 2025';

const NOT_RECORDED = 'Not recorded';

function row(key: string, value: string | number | null): SummaryListRow {
  return { key: { text: key }, value: { text: value === null || value === '' ? NOT_RECORDED : String(value) } };
}

function ofstedText(organisation: OrganisationRecord): string {
  if (!organisation.ofstedRating) return NOT_RECORDED;
  const inspected = organisation.ofstedInspectionDate
    ? `, inspected ${formatDate(organisation.ofstedInspectionDate)}`
    : '';
  return `${organisation.ofstedRating}${inspected} (as at ${OFSTED_RATINGS_AS_AT})`;
}

function kindText(organisation: OrganisationRecord): string {
  return organisation.trustType ? trustTypeLabels[organisation.trustType] : kindLabels[organisation.kind];
}

function detailRows(organisation: OrganisationRecord): Array<SummaryListRow | null> {
  const { kind } = organisation;
  return [
    row('Kind', kindText(organisation)),
    kind === 'school' ? row('URN', organisation.urn) : null,
    kind === 'trust' ? row('Group UID', organisation.groupUid) : null,
    kind === 'trust' ? row('Companies House number', organisation.companiesHouseNumber) : null,
    kind === 'school' ? row('Status', organisation.status ? statusLabels[organisation.status] : null) : null,
    kind === 'school' ? row('Phase', organisation.phase) : null,
    kind === 'school' ? row('Type', organisation.establishmentType) : null,
    kind === 'school' ? row('Local authority', organisation.localAuthority) : null,
    kind === 'school' || kind === 'trust' ? row('Region', organisation.region) : null,
    kind === 'school' ? row('Number of pupils', organisation.pupilCount?.toLocaleString('en-GB') ?? null) : null,
    kind === 'school' ? { key: { text: 'Ofsted rating' }, value: { text: ofstedText(organisation) } } : null,
  ];
}

/** A school's trust and a trust's schools are links: the admin moves between them. */
function Relations({ organisation, schoolCount }: { organisation: OrganisationRecord; schoolCount: number | null }) {
  if (organisation.kind === 'school' && organisation.trustId && organisation.trustName) {
    return (
      <p class="govuk-body">
        Part of{' '}
        <a class="govuk-link" href={organisationPaths.organisation(organisation.trustId)}>
          {organisation.trustName}
        </a>
      </p>
    );
  }
  if (organisation.kind === 'trust' && schoolCount !== null) {
    return (
      <p class="govuk-body">
        {schoolCount === 1 ? '1 school' : `${schoolCount} schools`}
        {schoolCount > 0 && (
          <>
            {' – '}
            <a class="govuk-link" href={organisationPaths.list({ trust: organisation.id })}>
              see the trust's schools
            </a>
          </>
        )}
      </p>
    );
  }
  return null;
}

function PersonCard({
  organisationId,
  memberships,
  viewerPersonId,
}: {
  organisationId: string;
  memberships: OrganisationMember[];
  viewerPersonId: string;
}): VNode | null {
  const [person] = memberships;
  if (!person) return null;
  // Nobody deactivates their own account: another administrator would have to undo it.
  const accountAction =
    person.deactivatedAt !== null
      ? { href: organisationPaths.reactivate(organisationId, person.personId), text: 'Reactivate account' }
      : person.personId !== viewerPersonId
        ? { href: organisationPaths.deactivate(organisationId, person.personId), text: 'Deactivate account' }
        : null;
  return (
    <SummaryList
      card={{
        title: { text: person.displayName, headingLevel: 3 },
        ...(accountAction ? { actions: { items: [accountAction] } } : {}),
      }}
      rows={[
        { key: { text: 'Email address' }, value: { text: person.email, classes: 'govuk-!-text-break-word' } },
        { key: { text: 'Account' }, value: { text: accountStatus(person) } },
        ...memberships.map((membership) => {
          const role = roleLabels[membership.role];
          return {
            key: { text: 'Role' },
            value: { text: role },
            actions: {
              items: [
                {
                  href: organisationPaths.role(organisationId, membership.membershipId),
                  text: 'Change role',
                  visuallyHiddenText: `from ${role}`,
                },
                {
                  href: organisationPaths.remove(organisationId, membership.membershipId),
                  text: 'Remove',
                  visuallyHiddenText: `as ${role}`,
                },
              ],
            },
          };
        }),
      ]}
    />
  );
}

export function OrganisationPage({
  overview,
  done,
  viewerPersonId,
}: {
  overview: OrganisationOverview;
  done: Done | null;
  viewerPersonId: string;
}): VNode {
  const { organisation, schoolCount, members } = overview;
  const people = groupByPerson(members.members);
  return (
    <>
      {done && <NotificationBanner type="success" text={doneMessages[done]} />}
      <span class="govuk-caption-l">{kindLabels[organisation.kind]}</span>
      <h1 class="govuk-heading-l">{organisation.name}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SummaryList rows={detailRows(organisation)} />
          <Relations organisation={organisation} schoolCount={schoolCount} />
          <Button
            text="Change details"
            href={organisationPaths.edit(organisation.id)}
            classes="govuk-button--secondary"
          />
        </div>
      </div>
      <h2 class="govuk-heading-m">People</h2>
      <Button text="Invite someone" href={organisationPaths.invite(organisation.id)} />
      {people.length === 0 ? (
        <p class="govuk-body">Nobody belongs to this organisation yet.</p>
      ) : (
        <>
          <ResultCount
            page={members.page}
            pageSize={PEOPLE_PAGE_SIZE}
            shown={people.length}
            total={members.total}
            noun={{ one: 'person', many: 'people' }}
          />
          {people.map((memberships) => (
            <PersonCard organisationId={organisation.id} memberships={memberships} viewerPersonId={viewerPersonId} />
          ))}
        </>
      )}
      <PageLinks
        page={members.page}
        pageCount={members.pageCount}
        hrefFor={(page) => organisationPaths.organisation(organisation.id, undefined, page)}
        label="Pages of people"
      />
    </>
  );
}
