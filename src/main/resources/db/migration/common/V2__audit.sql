-- The security audit log (等保 安全审计): append-only rows linked by an SM3 hash chain.
-- hash = SM3(prev_hash || canonical encoding of seq, occurred_at, account, event_type, result, object, detail);
-- the first row's prev_hash is 64 zeros. See cn.jianfu.audit.internal.AuditChain.
create table audit_event (
    seq         bigint                   not null primary key,
    occurred_at timestamp with time zone not null,
    account     varchar(200)             not null,
    event_type  varchar(100)             not null,
    result      varchar(16)              not null,
    object      varchar(500)             not null,
    detail      varchar(4000)            not null,
    prev_hash   char(64)                 not null,
    hash        char(64)                 not null
);

-- The one row every append locks (SELECT ... FOR UPDATE), so that appends from any number of
-- threads or JVMs are serialised and seq has no gaps; verification also checks that the last
-- row still matches it, which reveals rows deleted from the end.
create table audit_chain_head (
    id        integer  not null primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);

insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
