-- The audit trail is append-only for the role the application connects as. A table's owner is subject to the
-- privileges it revoked from itself; only a superuser bypasses them, and the trigger below stops even a superuser
-- unless it first disables triggers (which is what verification and the signed checkpoints are for).
-- Production: run Flyway as the owner and the application as a role without these privileges (README).
revoke update, delete, truncate on audit_entry from public;
revoke update, delete, truncate on audit_entry from current_user;

create function audit_entry_refuse_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'The audit trail is append-only: % on audit_entry refused', tg_op
        using errcode = '42501';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute procedure audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute procedure audit_entry_refuse_change();
