-- Apps, mini-programs and work groups that grassroots staff must use (政务应用与工作群), registered through the gate
-- as APP demands and keyed by the demand id. The status follows the gate's events (issued, withdrawn …).
create table app_registration (
    demand_id            bigint        primary key references demand (id),
    name                 varchar(200)  not null,
    app_form             varchar(20)   not null check (app_form in ('APP', 'MINI_PROGRAM', 'WORK_GROUP')),
    sponsor_unit_code    varchar(12)   not null references unit (code),
    sponsor_unit_path    varchar(200)  not null,
    sponsor_name         varchar(200)  not null,
    registration_number  varchar(100),
    features             varchar(400)  not null,
    functions            varchar(400)  not null,
    users_per_unit       integer       not null check (users_per_unit >= 0),
    minutes_per_day      integer       not null check (minutes_per_day >= 0),
    complaint_url        varchar(500),
    review_on            date          not null,
    status               varchar(20)   not null,
    created_by           varchar(100)  not null,
    created_at           timestamp with time zone not null
);
create index app_registration_path on app_registration (sponsor_unit_path);

create table app_target (
    demand_id      bigint      not null references app_registration (demand_id),
    unit_code      varchar(12) not null references unit (code),
    township_code  varchar(12) not null,
    primary key (demand_id, unit_code)
);
create index app_target_unit on app_target (unit_code);
create index app_target_township on app_target (township_code);
