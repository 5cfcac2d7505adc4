-- An entry of a demand that reached its sunset (expires_on) is EXPIRED: no longer open for logging hours.
alter table ledger_entry drop constraint ledger_entry_status_check;
alter table ledger_entry add constraint ledger_entry_status check (status in ('OPEN', 'DONE', 'REFUSED', 'EXPIRED'));
