-- Twin of the PostgreSQL migration: H2 named the column's check constraint itself, so the column is replaced by one
-- with a named check (and the index on it recreated) to admit EXPIRED, the status of an entry of an expired demand.
drop index ledger_entry_refused;
alter table ledger_entry add column status_next varchar(10);
update ledger_entry set status_next = status;
alter table ledger_entry drop column status;
alter table ledger_entry alter column status_next rename to status;
alter table ledger_entry alter column status set not null;
alter table ledger_entry add constraint ledger_entry_status check (status in ('OPEN', 'DONE', 'REFUSED', 'EXPIRED'));
create index ledger_entry_refused on ledger_entry (status, period_year, updated_at);
