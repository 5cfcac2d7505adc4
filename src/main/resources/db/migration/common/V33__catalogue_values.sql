-- Values entered by the grassroots, kept once per (indicator, unit, period) as DHIS2 does: a form is only a view
-- over indicators. Every change keeps its previous value in catalogue_value_version.
create table catalogue_value (
    indicator_code  varchar(40)   not null,
    unit_code       varchar(12)   not null,
    period          varchar(16)   not null,
    value_text      varchar(500)  not null,
    version         int           not null,
    demand_id       bigint,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    primary key (indicator_code, unit_code, period)
);

create index catalogue_value_period on catalogue_value (indicator_code, period);

create table catalogue_value_version (
    indicator_code  varchar(40)   not null,
    unit_code       varchar(12)   not null,
    period          varchar(16)   not null,
    version         int           not null,
    value_text      varchar(500)  not null,
    demand_id       bigint,
    changed_by      varchar(200)  not null,
    changed_at      timestamp     not null,
    primary key (indicator_code, unit_code, period, version)
);

-- One unit's sheet of one issued form: draft or submitted, with the version optimistic locking compares.
create table catalogue_sheet (
    demand_id       bigint        not null references catalogue_form (demand_id),
    unit_code       varchar(12)   not null,
    version         int           not null,
    status          varchar(16)   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp     not null,
    submitted_at    timestamp,
    primary key (demand_id, unit_code)
);
