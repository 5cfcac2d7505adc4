-- The audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE on audit_event.
-- A table owner or superuser can still disable these triggers (ALTER TABLE ... DISABLE TRIGGER);
-- that is exactly what the hash chain detects (audit verify). In production run the application
-- as a role that does not own the table and holds only SELECT and INSERT on it.
create function audit_event_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

revoke update, delete, truncate on audit_event from public;
