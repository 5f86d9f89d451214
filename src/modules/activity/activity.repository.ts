import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import type { AuditLogFilters } from './activity.schemas.ts';

/** One audit event with the names a page shows in place of ids. */
export interface AuditEventView {
  id: string;
  occurredAt: Date;
  action: string;
  actorPersonId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  subjectPersonId: string | null;
  subjectEmail: string | null;
  organisationName: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface PageOfEvents {
  events: AuditEventView[];
  total: number;
}

const actor = alias(people, 'actor');
const subject = alias(people, 'subject');

const eventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  action: auditEvents.action,
  actorPersonId: auditEvents.actorPersonId,
  actorName: actor.displayName,
  actorEmail: actor.email,
  subjectPersonId: auditEvents.subjectPersonId,
  subjectEmail: subject.email,
  organisationName: organisations.name,
  ip: auditEvents.ip,
  details: auditEvents.details,
};

/** Newest first; the id breaks ties so pages never overlap or skip. Both match the indexes read backwards. */
const newestFirst = [desc(auditEvents.occurredAt), desc(auditEvents.seq)];

/** The events about one person's account, and how many there are in all. */
export async function listEventsAboutPerson(
  db: AppDb,
  { subjectPersonId, limit, offset }: { subjectPersonId: string; limit: number; offset: number },
): Promise<PageOfEvents> {
  return pageOfEvents(db, eq(auditEvents.subjectPersonId, subjectPersonId), { limit, offset });
}

/** LIKE treats % and _ as wildcards: a person searching for "a_b" means those three characters. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** A London calendar day ("2026-11-24") as the instant it starts, computed by the database. */
function londonMidnight(isoDay: string, daysLater = 0): SQL {
  return sql`((${isoDay}::date + ${daysLater}::int)::timestamp at time zone 'Europe/London')`;
}

function filterConditions(filters: AuditLogFilters): SQL | undefined {
  const conditions: Array<SQL | undefined> = [];
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.person) {
    const pattern = containing(filters.person);
    conditions.push(
      or(
        ilike(actor.email, pattern),
        ilike(subject.email, pattern),
        // A failed sign-in for an address with no account records the address typed.
        ilike(sql`${auditEvents.details}->>'email'`, pattern),
      ),
    );
  }
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, londonMidnight(filters.from)));
  // "To" includes that whole day: before the next London midnight.
  if (filters.to) conditions.push(lt(auditEvents.occurredAt, londonMidnight(filters.to, 1)));
  return and(...conditions);
}

/** Every event matching the filters, filtered in SQL, and how many match in all. */
export async function searchEvents(
  db: AppDb,
  { filters, limit, offset }: { filters: AuditLogFilters; limit: number; offset: number },
): Promise<PageOfEvents> {
  return pageOfEvents(db, filterConditions(filters), { limit, offset });
}

/**
 * One page of events with the names of who acted, whose account and where, plus the total.
 * The count joins the people too, because filters may name them (an email address).
 */
async function pageOfEvents(
  db: AppDb,
  where: SQL | undefined,
  { limit, offset }: { limit: number; offset: number },
): Promise<PageOfEvents> {
  const [events, totals] = await Promise.all([
    db
      .select(eventColumns)
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorPersonId))
      .leftJoin(subject, eq(subject.id, auditEvents.subjectPersonId))
      .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorPersonId))
      .leftJoin(subject, eq(subject.id, auditEvents.subjectPersonId))
      .where(where),
  ]);
  return { events, total: totals[0]?.total ?? 0 };
}
