-- Twin of the PostgreSQL migration: the dashboards filter by year first, then group by recipient or issuer.
create index ledger_entry_year_recipient on ledger_entry (period_year, recipient_unit_code, period_month, kind);
