-- The dashboards read one year of one jurisdiction and group it by recipient, month, kind or issuer: a covering
-- index lets PostgreSQL answer them from the index alone (index-only scans), without visiting 10^6 table rows.
create index ledger_entry_year_recipient on ledger_entry (period_year, recipient_unit_code, period_month, kind)
    include (estimated_hours, actual_hours, issuer_unit_code, issuer_department_id, status);
