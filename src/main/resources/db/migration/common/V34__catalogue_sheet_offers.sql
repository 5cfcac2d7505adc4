-- What Jianfu offered on a unit's sheet before the unit changed anything (held by the catalogue, last period's value,
-- lower units' sum): the first offer per field sticks, so that a value confirmed at submission counts as pre-filled
-- even after a draft wrote it.
create table catalogue_sheet_offer (
    demand_id       bigint        not null references catalogue_form (demand_id),
    unit_code       varchar(12)   not null,
    indicator_code  varchar(40)   not null,
    source          varchar(16)   not null,
    value_text      varchar(500)  not null,
    primary key (demand_id, unit_code, indicator_code)
);
