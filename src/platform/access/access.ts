import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import { queryRows, type AppDb } from '../db/database.ts';
import { AppError, isId } from '../http/app-error.ts';

/**
 * "Which of these ids may this actor do X to?" — answered by the database, never by loading
 * rows and filtering them here. A module states each rule once, as SQL, in its policy file:
 *
 *   export const inviteToOrganisation = definePermission('organisation.invite', ({ actorPersonId, ids }) => sql`
 *     select o.id from organisations o where o.id in ${ids} and exists (…actor's membership…)`);
 *
 * and its services ask before they read or write:
 *
 *   await assertAllowed(db, { actor, permission: inviteToOrganisation, ids: [organisationId] });
 *   const mine = await allowedIds(db, { actor, permission: inviteToOrganisation, ids: candidateIds });
 *
 * Deny by default: no actor, no ids or a rule that selects nothing allows nothing, and an id
 * the rule did not select is refused even if the rule's SQL selected other rows.
 */
export interface Permission {
  readonly name: string;
  readonly rule: (scope: PermissionScope) => SQL;
}

export interface PermissionScope {
  readonly actorPersonId: string;
  /** The ids asked about, as a parenthesised SQL list ready for `in ${ids}`. */
  readonly ids: SQL;
}

export function definePermission(name: string, rule: (scope: PermissionScope) => SQL): Permission {
  return { name, rule };
}

/** The subset of `ids` the actor may act on under `permission`. */
export async function allowedIds(
  db: AppDb,
  { actor, permission, ids }: { actor: Viewer | null; permission: Permission; ids: readonly string[] },
): Promise<Set<string>> {
  // Anything that is not an id names no row: it is never allowed, and never reaches the SQL.
  const asked = [...new Set(ids.filter(isId).map((id) => id.toLowerCase()))];
  if (!actor || asked.length === 0) return new Set();
  const list = sql`(${sql.join(
    asked.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select allowed.id::text as id from (${permission.rule({ actorPersonId: actor.personId, ids: list })}) as allowed`,
  );
  const selected = new Set(rows.map((row) => row.id));
  return new Set(asked.filter((id) => selected.has(id)));
}

/**
 * Which of several permissions the actor holds on one id, in one query where `allowedIds` for
 * each would make a round trip each: `{ content: true, manage: false }` for
 * `{ content: seeContent, manage: manageIt }`. A page that shows or hides several actions asks once.
 */
export async function permissionsOn<Name extends string>(
  db: AppDb,
  { actor, permissions, id }: { actor: Viewer | null; permissions: Record<Name, Permission>; id: string },
): Promise<Record<Name, boolean>> {
  const names = Object.keys(permissions) as Name[];
  const held = new Set<string>();
  if (actor && isId(id) && names.length > 0) {
    const asked = id.toLowerCase();
    const list = sql`(${asked}::uuid)`;
    const rows = await queryRows<{ name: string }>(
      db,
      sql.join(
        names.map(
          (name) =>
            sql`select ${name}::text as name from (${permissions[name].rule({ actorPersonId: actor.personId, ids: list })}) as allowed where allowed.id::text = ${asked}`,
        ),
        sql` union all `,
      ),
    );
    for (const row of rows) held.add(row.name);
  }
  return Object.fromEntries(names.map((name) => [name, held.has(name)])) as Record<Name, boolean>;
}

/**
 * Throws unless the actor may act on every one of `ids`. Where the existence of a thing is
 * itself private (a review, a partnership), pass `whenDenied: 'not-found'` so that a refusal
 * reads exactly like a missing page.
 */
export async function assertAllowed(
  db: AppDb,
  {
    actor,
    permission,
    ids,
    whenDenied = 'forbidden',
  }: {
    actor: Viewer | null;
    permission: Permission;
    ids: readonly string[];
    whenDenied?: 'forbidden' | 'not-found';
  },
): Promise<void> {
  const allowed = await allowedIds(db, { actor, permission, ids });
  const complete = ids.length > 0 && ids.every((id) => allowed.has(id.toLowerCase()));
  if (complete) return;
  throw whenDenied === 'not-found' ? AppError.notFound() : AppError.forbidden();
}
