-- An assessment under several regimes issues one declaration per regime (PSTI SoC, EU DoC, EN 303 645 statement).
-- The table is rebuilt because the old inline unique constraint on assessment_id has a vendor-specific name.
create table declaration_per_regime (
    id            uuid primary key,
    assessment_id uuid        not null references assessment (id),
    regime        varchar(40) not null,
    status        varchar(20) not null,
    sha256        varchar(64) not null,
    size_bytes    bigint      not null,
    issued_at     timestamp(6) with time zone not null,
    constraint uq_declaration_regime unique (assessment_id, regime)
);
insert into declaration_per_regime (id, assessment_id, regime, status, sha256, size_bytes, issued_at)
    select id, assessment_id, regime, status, sha256, size_bytes, issued_at from declaration;
drop table declaration;
alter table declaration_per_regime rename to declaration;
