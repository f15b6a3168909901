-- The security log's row trigger does not fire on TRUNCATE, which would empty the log in one statement:
-- a statement-level trigger refuses it (retention deletes old entries row by row, see maintenance.ts).
CREATE FUNCTION security_event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the security log is append-only (it cannot be truncated)';
END;
$$;

CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON "security_event"
  FOR EACH STATEMENT EXECUTE FUNCTION security_event_no_truncate();
