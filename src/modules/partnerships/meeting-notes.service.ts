import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './meetings.repository.ts';
import { loadPartnership } from './partnership-access.service.ts';
import { seePartnershipContent } from './partnerships.policy.ts';

/**
 * A meeting's private notes, for its partnership's participants alone. They are sealed with the
 * note cipher, the note row's id bound in, before they reach the database, and opened only to be
 * shown to a participant: the database never holds the plaintext.
 */
export interface MeetingNotes {
  text: string;
  /** 0 before anyone has written any: the version a first save is made over. */
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** The notes of a meeting, opened; call only once the reader was allowed the partnership's content. */
export async function readNotes(db: AppDb, cipher: NoteCipher, meeting: { id: string }): Promise<MeetingNotes> {
  const row = await repository.findNote(db, meeting.id);
  return opened(cipher, row);
}

function opened(cipher: NoteCipher, row: repository.NoteRow | null): MeetingNotes {
  if (!row) return { text: '', version: 0, updatedAt: null, updatedByName: null };
  return {
    text: cipher.decrypt(row.ciphertext, row.id),
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
  };
}

/**
 * Saves the notes over the version the form was opened on. Saved by someone else in between:
 * nothing is written, and the notes as saved now come back to be shown beside what was typed.
 */
export async function saveMeetingNotes({
  db,
  cipher,
  actor,
  partnershipId,
  meetingId,
  text,
  version,
}: {
  db: AppDb;
  cipher: NoteCipher;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
  text: string;
  version: number;
}): Promise<{ outcome: 'saved' } | { outcome: 'stale'; current: MeetingNotes }> {
  return db.transaction(async (tx) => {
    await loadPartnership(tx, { actor, partnershipId, permission: seePartnershipContent });
    const meeting = await repository.findMeeting(tx, partnershipId, meetingId, { forUpdate: true });
    if (!meeting) throw AppError.notFound();
    const existing = await repository.findNote(tx, meetingId, { forUpdate: true });
    const personId = actor?.personId ?? null;
    if (!existing) {
      if (version !== 0) return { outcome: 'stale', current: opened(cipher, null) };
      const id = randomUUID();
      const inserted = await repository.insertNote(tx, {
        id,
        meetingId,
        partnershipId,
        ciphertext: cipher.encrypt(text, id),
        updatedByPersonId: personId,
      });
      if (inserted) return { outcome: 'saved' };
      return { outcome: 'stale', current: opened(cipher, await repository.findNote(tx, meetingId)) };
    }
    if (existing.version !== version) return { outcome: 'stale', current: opened(cipher, existing) };
    const ciphertext = cipher.encrypt(text, existing.id);
    if (!(await repository.updateNote(tx, { id: existing.id, version, ciphertext, personId }))) {
      return { outcome: 'stale', current: opened(cipher, existing) };
    }
    return { outcome: 'saved' };
  });
}
