import type { PartnershipSide } from './partnerships.tables.ts';

interface TakingPart {
  side: PartnershipSide;
  lead: boolean;
  organisationId: string | null;
}

/**
 * A party to a partnership: its side, except in a peer triad, whose one peer side holds three
 * trusts, each of which is a party of its own (it agrees, and is written to, for itself).
 */
export function partyOf(participant: TakingPart): string {
  return participant.side === 'peer' ? `peer:${participant.organisationId ?? ''}` : participant.side;
}

/**
 * Who answers for each party: its lead contact(s), or, where nobody is marked lead, all its
 * participants, so that no party is ever left out.
 */
export function partyLeads<T extends TakingPart>(participants: readonly T[]): T[] {
  const parties = [...new Set(participants.map(partyOf))];
  return parties.flatMap((party) => {
    const inParty = participants.filter((each) => partyOf(each) === party);
    const leads = inParty.filter((each) => each.lead);
    return leads.length > 0 ? leads : inParty;
  });
}
