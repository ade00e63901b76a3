-- The audit trail: one row per state change, hash-chained. Rows are only ever inserted (the application maps them
-- immutable; on PostgreSQL the vendor migration V14.1 also revokes UPDATE, DELETE and TRUNCATE and adds a trigger).
create table audit_entry (
    sequence bigint not null primary key,
    occurred_at timestamp(6) with time zone not null,
    actor varchar(320) not null,
    -- The actor's roles when they acted, comma-separated, sorted (empty for the system or an unauthenticated caller).
    roles varchar(400) not null,
    action varchar(100) not null,
    subject_type varchar(64) not null,
    subject_id varchar(200),
    process_instance_id varchar(64),
    -- The canonical JSON of the change (sorted keys, no white space) and its SHA-256, which the entry's hash covers.
    change_json varchar(1000000) not null,
    change_digest varchar(64) not null,
    previous_hash varchar(64) not null,
    hash varchar(64) not null,
    -- A second guard behind the chain head's lock: two appends can never claim the same predecessor.
    constraint uq_audit_entry_previous unique (previous_hash),
    constraint uq_audit_entry_hash unique (hash)
);

create index ix_audit_entry_subject on audit_entry (subject_id, sequence);

-- The one row every append locks (SELECT ... FOR UPDATE), so that appends from any number of nodes sharing the
-- database form one chain. It repeats the last entry's sequence and hash; verification checks it against them.
create table audit_chain_head (
    id integer not null primary key,
    sequence bigint not null,
    hash varchar(64) not null,
    constraint ck_audit_chain_head_single check (id = 1)
);

insert into audit_chain_head (id, sequence, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
