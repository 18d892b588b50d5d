-- audit_append_only: hand-written migration (created empty by `npm run db:migrate -- audit_append_only --empty`).
-- Applied as one script, in order, inside the migration history; plpgsql $$ bodies are fine.


-- The audit trail is append-only at the database itself, whatever the application does.
CREATE OR REPLACE FUNCTION payeeguard_refuse_audit_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION payeeguard_refuse_audit_change();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION payeeguard_refuse_audit_change();

-- Genesis: the chain head every first event links to.
INSERT INTO "AuditChainHead" (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- The head may only move forward, one event at a time.
CREATE OR REPLACE FUNCTION payeeguard_audit_head_forward() RETURNS trigger AS $$
BEGIN
  IF NEW.seq <> OLD.seq + 1 THEN
    RAISE EXCEPTION 'audit chain head may only advance by one (% -> %)', OLD.seq, NEW.seq USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditChainHead_forward_only"
  BEFORE UPDATE ON "AuditChainHead"
  FOR EACH ROW EXECUTE FUNCTION payeeguard_audit_head_forward();

CREATE TRIGGER "AuditChainHead_no_delete"
  BEFORE DELETE OR TRUNCATE ON "AuditChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION payeeguard_refuse_audit_change();
