-- Hours a unit saved at data entry by confirming values Jianfu filled in, one row per sheet (catalogue's
-- EntryHoursSaved event), shown beside the hours demanded.
create table ledger_hours_saved (
    demand_id       bigint         not null,
    unit_code       varchar(12)    not null,
    fields          int            not null,
    hours           numeric(10, 2) not null,
    saved_at        timestamp      not null,
    primary key (demand_id, unit_code)
);

create index ledger_hours_saved_unit on ledger_hours_saved (unit_code);
