import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import * as chemistry from './chemistry.repository.ts';
import { rankMentors, type MenteePreferences, type MentorProfile, type MentorRanking } from './matching.ts';
import * as mentors from './mentor-profiles.repository.ts';
import {
  assertState,
  loadPartnership,
  recordPartnershipRead,
  type PartnershipRow,
} from './partnership-access.service.ts';
import { actAsMentee, managePartnership } from './partnerships.policy.ts';
import { updatePartnership } from './partnerships.repository.ts';

/**
 * Matching (issue 6 item 3): the mentee side states preferences; the provider's staff see the
 * provider's mentors ranked against them, with the reasons in words, and schedule conversations.
 */

export type StoredPreferences = Omit<MenteePreferences, 'trustId'>;

/** What matching assumes before the mentee has said anything. */
export const noPreferences: StoredPreferences = {
  themes: [],
  phases: [],
  trustSize: null,
  wantsGrowthExperience: false,
  wantsMergerExperience: false,
  region: null,
  locality: 'no preference',
  otherWishes: '',
};

/** Matching's stages: preferences and conversations belong to them. */
export const matchingStates = ['matching', 'chemistry'] as const;

export type MentorCandidate = MentorProfile & { personId: string; availabilityNote: string; providerName: string };

export function preferencesOf(partnership: PartnershipRow): MenteePreferences {
  return { ...(partnership.preferences ?? noPreferences), trustId: partnership.menteeTrustId };
}

/** The partnership's provider's mentors ranked for its mentee, with those left out and why. */
export async function rankingFor(db: AppDb, partnership: PartnershipRow): Promise<MentorRanking<MentorCandidate>> {
  const pool = await mentors.listMatchableMentors(db, partnership.providerOrganisationId);
  const candidates: MentorCandidate[] = pool.map((row) => ({
    id: row.id,
    personId: row.personId,
    name: row.name,
    providerName: row.providerName,
    trustId: row.trustId,
    experienceTags: row.experienceTags,
    phases: row.phases,
    trustSizes: row.trustSizes,
    hasGrownATrust: row.hasGrownATrust,
    hasLedAMerger: row.hasLedAMerger,
    region: row.region,
    capacity: row.capacity,
    activePartnerships: row.placesUsed,
    available: row.available,
    availabilityNote: row.availabilityNote,
    conflictTrustIds: row.conflictTrustIds,
    checkedByProvider: row.checkedAt !== null,
  }));
  return rankMentors(preferencesOf(partnership), candidates);
}

/** The mentee side's preferences, for their form. Anyone else: not found. */
export async function getPreferences({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}): Promise<{ partnership: PartnershipRow; preferences: StoredPreferences | null }> {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: actAsMentee });
  return { partnership, preferences: partnership.preferences };
}

/** Saves the mentee side's preferences while matching goes on, over the version their form was opened on. */
export async function savePreferences({
  db,
  actor,
  partnershipId,
  version,
  preferences,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  version: number | null;
  preferences: StoredPreferences;
}): Promise<{ outcome: 'saved' } | { outcome: 'stale'; current: PartnershipRow }> {
  return db.transaction(async (tx) => {
    const partnership = await loadPartnership(tx, { actor, partnershipId, permission: actAsMentee, forUpdate: true });
    assertState(partnership, matchingStates);
    if (version !== partnership.version) return { outcome: 'stale', current: partnership };
    await updatePartnership(tx, { id: partnershipId, version, values: { preferences } });
    return { outcome: 'saved' };
  });
}

export interface MatchingView {
  partnership: PartnershipRow;
  preferences: StoredPreferences | null;
  ranking: MentorRanking<MentorCandidate>;
  conversations: chemistry.ConversationRow[];
}

/**
 * The matching page, for the provider's staff: the mentee's preferences (a read of content, so
 * it is logged for the mentee to see) and the ranked mentors.
 */
export async function getMatching({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<MatchingView> {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: managePartnership });
  const [ranking, conversations] = await Promise.all([
    rankingFor(db, partnership),
    chemistry.listConversations(db, partnershipId),
  ]);
  if (partnership.preferences) {
    await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.preferences' }, audit);
  }
  return { partnership, preferences: partnership.preferences, ranking, conversations };
}
