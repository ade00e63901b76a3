-- Every certificate this installation has signed with (issue 8): a verification can then tell "signed by a key
-- registered here" also for declarations signed before the key was replaced.
create table signing_certificate (
    id            uuid primary key,
    -- SHA-256 of the DER encoding, lower-case hex.
    sha256        varchar(64)   not null,
    subject       varchar(1000) not null,
    not_before    timestamp(6) with time zone not null,
    not_after     timestamp(6) with time zone not null,
    der           bytea         not null,
    first_used_at timestamp(6) with time zone not null,
    constraint uq_signing_certificate_sha256 unique (sha256)
);
