import { allowedIds, assertAllowed } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { MentorProfileFormData } from './mentor-profiles.schemas.ts';
import * as repository from './mentor-profiles.repository.ts';
import { checkMentorProfile, providerStaffRoles, runProvider } from './partnerships.policy.ts';

export type { MentorProfileRow, PoolRow } from './mentor-profiles.repository.ts';

/**
 * Mentor profiles (issue 6 item 3): a mentor keeps their own in each provider's pool; the
 * provider's staff see the pool and check each profile. Only a checked profile is ranked, and
 * changing what matching reads clears the check.
 */

/** What matching reads from a profile: changing any of it sends the profile back to be checked. */
const matchingFields = [
  'experienceTags',
  'phases',
  'trustSizes',
  'hasGrownATrust',
  'hasLedAMerger',
  'region',
  'trustId',
  'capacity',
  'conflictTrustIds',
] as const;

export interface MyProfile {
  providers: Array<{ id: string; name: string }>;
  provider: { id: string; name: string };
  profile: repository.MentorProfileRow | null;
  trustName: string | null;
  conflictNames: string[];
}

async function mentorProvidersOf(db: AppDb, actor: Viewer | null) {
  if (!actor) throw AppError.forbidden();
  const providers = await repository.listMentorProvidersOf(db, actor.personId);
  if (providers.length === 0) throw AppError.forbidden();
  return { actor, providers };
}

/** Trust and conflict names for showing a profile. */
async function namesOf(db: AppDb, profile: repository.MentorProfileRow | null) {
  if (!profile) return { trustName: null, conflictNames: [] };
  const names = await repository.organisationNames(db, [
    ...(profile.trustId ? [profile.trustId] : []),
    ...profile.conflictTrustIds,
  ]);
  return {
    trustName: profile.trustId ? (names.get(profile.trustId) ?? null) : null,
    conflictNames: profile.conflictTrustIds.flatMap((id) => names.get(id) ?? []),
  };
}

/** The mentor's own profile with one provider (the first by name unless `providerId` says which). */
export async function getMyProfile({
  db,
  actor,
  providerId,
}: {
  db: AppDb;
  actor: Viewer | null;
  providerId?: string | null;
}): Promise<MyProfile> {
  const { actor: mentor, providers } = await mentorProvidersOf(db, actor);
  const provider = providerId ? providers.find((each) => each.id === providerId) : providers[0];
  if (!provider) throw AppError.notFound();
  const profile = await repository.findProfile(db, { personId: mentor.personId, providerId: provider.id });
  return { providers, provider, profile, ...(await namesOf(db, profile)) };
}

export type SaveProfileOutcome =
  | { outcome: 'saved'; checkCleared: boolean }
  | { outcome: 'invalid'; problems: Array<{ field: string; message: string }> }
  | { outcome: 'stale' };

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');

/** The typed trust and conflicts as register trusts, or what is wrong with them in words. */
async function trustsOf(db: AppDb, data: MentorProfileFormData) {
  const problems: Array<{ field: string; message: string }> = [];
  const found = await repository.findTrustsByName(db, [...(data.trust ? [data.trust] : []), ...data.conflicts]);
  const named = (name: string) => found.filter((trust) => trust.name.toLowerCase() === name.toLowerCase());
  let trustId: string | null = null;
  if (data.trust) {
    const [trust, ...others] = named(data.trust);
    if (!trust) {
      problems.push({
        field: 'trust',
        message: `No trust in the register is called ${quoted([data.trust])}. Enter its name exactly as the register gives it, or leave this empty`,
      });
    } else if (others.length > 0) {
      problems.push({
        field: 'trust',
        message: 'More than one trust has that name: ask the provider to record your trust',
      });
    } else trustId = trust.id;
  }
  const missing = data.conflicts.filter((name) => named(name).length === 0);
  if (missing.length > 0) {
    problems.push({
      field: 'conflicts',
      message: `No trust in the register is called ${quoted(missing)}. Enter each name exactly as the register gives it, one per line`,
    });
  }
  // A name that several trusts share: a conflict with each of them, the safe reading.
  const conflictTrustIds = [...new Set(data.conflicts.flatMap((name) => named(name).map((trust) => trust.id)))];
  return { problems, trustId, conflictTrustIds };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Saves the mentor's profile; a checked profile whose matching fields change goes back to be checked. */
export async function saveMyProfile({
  db,
  actor,
  data,
}: {
  db: AppDb;
  actor: Viewer | null;
  data: MentorProfileFormData;
}): Promise<SaveProfileOutcome> {
  const { actor: mentor, providers } = await mentorProvidersOf(db, actor);
  const provider = providers.find((each) => each.id === data.provider);
  if (!provider)
    return { outcome: 'invalid', problems: [{ field: 'provider', message: 'Select a provider from the list' }] };
  const { problems, trustId, conflictTrustIds } = await trustsOf(db, data);
  if (problems.length > 0) return { outcome: 'invalid', problems };
  const values: repository.MentorProfileValues = {
    biography: data.biography,
    values: data.values,
    experienceTags: data.experienceTags,
    phases: data.phases,
    trustSizes: data.trustSizes,
    hasGrownATrust: data.experience.includes('growth'),
    hasLedAMerger: data.experience.includes('merger'),
    region: data.region,
    trustId,
    capacity: data.capacity,
    available: data.available === 'yes',
    availabilityNote: data.availabilityNote,
    conflictTrustIds,
  };
  return db.transaction(async (tx) => {
    const existing = await repository.findProfile(
      tx,
      { personId: mentor.personId, providerId: provider.id },
      { forUpdate: true },
    );
    if (!existing) {
      const inserted = await repository.insertProfile(tx, {
        ...values,
        personId: mentor.personId,
        providerOrganisationId: provider.id,
      });
      return inserted ? { outcome: 'saved', checkCleared: false } : { outcome: 'stale' };
    }
    // No version: the first save pressed twice, which finds the profile it made.
    if (data.version !== null && data.version !== existing.version) return { outcome: 'stale' };
    const checkCleared =
      existing.checkedAt !== null && matchingFields.some((field) => !sameValue(existing[field], values[field]));
    await repository.updateProfile(tx, {
      id: existing.id,
      version: existing.version,
      values: checkCleared ? { ...values, checkedAt: null, checkedByPersonId: null } : values,
    });
    return { outcome: 'saved', checkCleared };
  });
}

/** The providers whose pool the actor runs; nobody's: refused. */
async function staffProviders(db: AppDb, actor: Viewer | null): Promise<string[]> {
  const candidates = (actor?.memberships ?? [])
    .filter((membership) => (providerStaffRoles as readonly string[]).includes(membership.role))
    .map((membership) => membership.organisationId);
  const allowed = await allowedIds(db, { actor, permission: runProvider, ids: candidates });
  if (allowed.size === 0) throw AppError.forbidden();
  return [...allowed];
}

/** The mentors of the providers the actor runs. */
export async function listMentorPool({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  return repository.listPool(db, await staffProviders(db, actor));
}

export type PoolProfile = repository.PoolRow & { trustName: string | null; conflictNames: string[] };

/** One profile of the pool, whole, for its provider's staff; to anyone else, not found. */
export async function getPoolProfile({
  db,
  actor,
  profileId,
}: {
  db: AppDb;
  actor: Viewer | null;
  profileId: string;
}): Promise<PoolProfile> {
  await assertAllowed(db, { actor, permission: checkMentorProfile, ids: [profileId], whenDenied: 'not-found' });
  const profile = await repository.findPoolRow(db, profileId);
  if (!profile) throw AppError.notFound();
  return { ...profile, ...(await namesOf(db, profile)) };
}

/**
 * Marks the profile checked, as it was when the page was opened (`version`): a profile the mentor
 * changed meanwhile is shown again ('stale') rather than checked unseen.
 */
export async function checkProfile({
  db,
  actor,
  profileId,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  profileId: string;
  version: number | null;
}): Promise<'checked' | 'stale'> {
  await assertAllowed(db, { actor, permission: checkMentorProfile, ids: [profileId], whenDenied: 'not-found' });
  if (!actor) throw AppError.notFound();
  if (version === null) return 'stale';
  const checked = await repository.markChecked(db, { id: profileId, version, byPersonId: actor.personId });
  return checked ? 'checked' : 'stale';
}
