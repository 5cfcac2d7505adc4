-- The audit log is append-only: H2 refuses UPDATE and DELETE on audit_event through a Java trigger.
-- Anyone who can drop the trigger can still change rows; that is exactly what the hash chain
-- detects (audit verify). H2 fires no trigger on TRUNCATE; the chain head reveals a truncation.
create trigger audit_event_append_only before update, delete on audit_event
    for each row call 'cn.jianfu.audit.internal.AppendOnlyTrigger';
