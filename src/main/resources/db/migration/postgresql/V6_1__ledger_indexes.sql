-- Cascades read one year's child demands that were not refused (about a tenth of the entries): a partial covering
-- index answers them by an index-only scan. The other dashboards read the roll-ups (ledger_unit_month,
-- ledger_unit_issuer); an issuer's own view reads its entries through ledger_entry_issuer_period.
create index ledger_entry_cascade on ledger_entry (period_year, parent_demand_id)
    include (demand_id, recipient_unit_code, recipient_level, estimated_hours)
    where parent_demand_id is not null and status <> 'REFUSED';
-- The gatekeeper's list of refusals: few rows among many, newest first.
create index ledger_entry_refused on ledger_entry (period_year, updated_at) where status = 'REFUSED';
