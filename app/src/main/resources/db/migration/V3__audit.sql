-- Append-only audit trail of security events and state-changing requests (platform.audit).
-- No personal data beyond ids: the actor is a user id, never an email; login failures carry a
-- keyed hash of the email as their target.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       uuid,
    action      text        NOT NULL,
    target      text,
    client_ip   inet,
    outcome     text        NOT NULL,
    request_id  text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at) WHERE actor IS NOT NULL;
CREATE INDEX audit_log_action ON audit_log (action, occurred_at);

-- The database itself keeps the log append-only, whatever the application does.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
