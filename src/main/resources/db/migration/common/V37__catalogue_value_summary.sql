-- The roll-up's bulk path (as bench aggregation's county summary): submitted numeric values summed per indicator,
-- period and higher unit (township, county, city), so that a county or city total is one row read instead of a scan
-- over its villages. Kept up to date from submitted sheets by CatalogueSummary, which re-counts the cells of every
-- sheet submitted or changed since catalogue_summary_mark (with a margin, idempotently).
create table catalogue_value_summary (
    indicator_code  varchar(40)    not null,
    unit_code       varchar(12)    not null,
    period          varchar(16)    not null,
    total           decimal(24, 6) not null,
    reported        int            not null,
    refreshed_at    timestamp      not null,
    primary key (indicator_code, unit_code, period)
);

create table catalogue_summary_mark (
    id              int            primary key,
    seen_until      timestamp      not null
);
