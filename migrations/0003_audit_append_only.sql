-- The audit log is append-only: the database itself refuses to change or remove a record,
-- whatever code or console asks. Statement-level, so even an UPDATE or DELETE that matches
-- no row is refused (it shows someone tried). Plain PL/pgSQL: PostgreSQL 15 and PGlite alike.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Record a new event instead of changing an old one.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
