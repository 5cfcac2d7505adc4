-- Rulebook overrides: a jurisdiction's value for one rule, inherited by its whole subtree (the nearest wins).
create table rule_override (
    unit_code  varchar(12)   not null references unit (code),
    rule_key   varchar(100)  not null,
    rule_value varchar(100)  not null,
    reason     varchar(1000) not null,
    set_by     varchar(64)   not null,
    set_at     timestamp with time zone not null,
    primary key (unit_code, rule_key)
);
