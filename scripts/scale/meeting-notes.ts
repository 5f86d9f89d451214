/**
 * Private notes for every held meeting, sealed as the app seals them (AES-256-GCM, bound to the
 * note's id), so that reading one at scale costs what it costs in use. Sealing happens here in
 * Node, not in SQL, because only the app's cipher makes a note the app can open.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { NoteCipher } from '../../src/platform/crypto/note-cipher.ts';

const BATCH = 2000;

const OPENINGS = [
  'We went back over the goals and what has moved since the last meeting.',
  'Most of the time went on the senior team and who should lead the next stage.',
  'We looked at the board report together before it goes to trustees.',
  'A hard conversation about the school causing most concern, and what to ask of its head.',
];
const MIDDLES = [
  'The chief executive will test the new structure with the chair before the staff hear of it.',
  'Two schools are ready for the shared curriculum; the third needs another term.',
  'Cash flow is tight until the spring; the finance director has a plan for the board.',
  'Recruitment in the north of the trust is the risk to watch.',
];

/** A note's id from its meeting's: one note per meeting, the same on every run. */
const noteIdOf = (meetingId: string) => {
  const hex = createHash('md5').update(`note:${meetingId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export async function insertSealedNotes(client: pg.Client, { cipher }: { cipher: NoteCipher }): Promise<void> {
  const held = await client.query<{ id: string; partnership_id: string; n: number }>(
    `select m.id, m.partnership_id, row_number() over (order by m.creation_key)::int as n
     from partnership_meetings m where m.status = 'held' order by m.creation_key`,
  );
  for (let start = 0; start < held.rows.length; start += BATCH) {
    const batch = held.rows.slice(start, start + BATCH);
    const ids = batch.map((meeting) => noteIdOf(meeting.id));
    const sealed = batch.map((meeting, index) =>
      cipher.encrypt(
        `${OPENINGS[meeting.n % OPENINGS.length]} ${MIDDLES[(meeting.n * 3) % MIDDLES.length]}`,
        ids[index] ?? '',
      ),
    );
    await client.query(
      `insert into meeting_notes (id, meeting_id, partnership_id, ciphertext)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])`,
      [ids, batch.map((meeting) => meeting.id), batch.map((meeting) => meeting.partnership_id), sealed],
    );
  }
}
