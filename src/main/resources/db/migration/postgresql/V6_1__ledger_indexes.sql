-- Cascades read one year's child demands (about a tenth of the entries): a partial covering index answers them
-- from the index alone. The other dashboards read the roll-ups (ledger_unit_month, ledger_unit_issuer).
create index ledger_entry_cascade on ledger_entry (period_year, parent_demand_id)
    include (demand_id, recipient_unit_code, recipient_level, estimated_hours)
    where parent_demand_id is not null;
