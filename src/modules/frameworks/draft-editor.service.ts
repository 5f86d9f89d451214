import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { checkFrameworkDocument, type DocumentProblem, type FrameworkDocument } from './framework-document.ts';
import * as repository from './frameworks.repository.ts';
import { mayManageFrameworks } from './frameworks.service.ts';

/**
 * Saving one change from the form-based editor. Like a save of the whole file (saveDraft), it
 * names the draft version the form was opened on, so a save over someone else's is caught, and
 * the changed document is checked with the file's own rules before anything is written.
 */

/** What a change makes of the draft it is given: a new document, or a reason it cannot be made. */
export type DraftChange<T> = { document: FrameworkDocument; made: T } | { refused: string };

export type DraftEdit<T> =
  | { outcome: 'saved'; made: T }
  /** `current` is the draft as saved, for showing the form again. */
  | { outcome: 'problems'; problems: DocumentProblem[]; current: repository.VersionRecord }
  /** The change makes no sense on this draft (removing its last heading): nothing was saved. */
  | { outcome: 'refused'; message: string; current: repository.VersionRecord }
  /** Someone saved or published this draft after the form was opened: nothing was saved. */
  | { outcome: 'stale'; current: repository.VersionRecord };

export async function editDraft<T>({
  db,
  actor,
  frameworkId,
  versionId,
  version,
  change,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  frameworkId: string;
  versionId: string;
  /** The version of the draft the form was opened on. */
  version: number;
  /** Throws NotFound when what it changes (a heading, an element) is not in the draft. */
  change: (document: FrameworkDocument) => DraftChange<T>;
  now?: Date;
}): Promise<DraftEdit<T>> {
  if (!mayManageFrameworks(actor)) throw AppError.forbidden();
  return db.transaction(async (tx): Promise<DraftEdit<T>> => {
    const current = await repository.findVersion(tx, { frameworkId, versionId, forUpdate: true });
    if (!current) throw AppError.notFound();
    if (current.status !== 'draft' || current.version !== version) return { outcome: 'stale', current };
    const changed = change(current.document);
    if ('refused' in changed) return { outcome: 'refused', message: changed.refused, current };
    const checked = checkFrameworkDocument(changed.document);
    if (!checked.ok) return { outcome: 'problems', problems: checked.problems, current };
    await repository.updateDraftDocument(tx, versionId, { document: checked.document, now });
    return { outcome: 'saved', made: changed.made };
  });
}
