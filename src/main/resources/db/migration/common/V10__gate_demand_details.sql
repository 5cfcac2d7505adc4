-- Kind-specific details of a demand (a meeting's minutes, a form's field count …), written by the kind's module
-- through the gate and read by its checks and burden estimators.
create table demand_detail (
    demand_id    bigint        not null references demand (id),
    name         varchar(100)  not null,
    detail_value varchar(4000) not null,
    primary key (demand_id, name)
);
