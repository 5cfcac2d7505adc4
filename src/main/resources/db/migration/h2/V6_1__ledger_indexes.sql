-- Twin of the PostgreSQL migration (H2 has no partial or covering indexes): cascades read one year's child demands.
create index ledger_entry_cascade on ledger_entry (period_year, parent_demand_id);
create index ledger_entry_refused on ledger_entry (status, period_year, updated_at);
