-- A data request's form (报表): the rich record behind a DATA_REQUEST demand of the gate, keyed by its id. Each
-- field is either an indicator of the catalogue (drawn from it) or a proposed new one, with the matcher's decision.
create table catalogue_form (
    demand_id        bigint        primary key,
    issuer_unit      varchar(12)   not null,
    issuer_account   varchar(200)  not null,
    title            varchar(200)  not null,
    period_type      varchar(16)   not null,
    period           varchar(16)   not null,
    recipient_level  int           not null,
    recipient_under  varchar(12)   not null,
    deadline         date          not null,
    status           varchar(16)   not null,
    created_at       timestamp     not null,
    issued_at        timestamp
);

create index catalogue_form_status on catalogue_form (status);

create table catalogue_form_field (
    demand_id        bigint        not null references catalogue_form (demand_id),
    position         int           not null,
    label            varchar(200)  not null,
    unit             varchar(40),
    decision         varchar(8)    not null,
    indicator_code   varchar(40),
    candidate_code   varchar(40),
    primary key (demand_id, position)
);

create index catalogue_form_field_indicator on catalogue_form_field (indicator_code);

-- The units an issued form binds, resolved by the gate at issue.
create table catalogue_form_recipient (
    demand_id        bigint        not null references catalogue_form (demand_id),
    unit_code        varchar(12)   not null,
    primary key (demand_id, unit_code)
);

create index catalogue_form_recipient_unit on catalogue_form_recipient (unit_code);
