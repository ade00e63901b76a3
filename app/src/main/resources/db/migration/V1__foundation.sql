-- Conformity's own tables (Camunda creates and migrates its own ACT_* tables).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

create table app_user (
    id              uuid primary key,
    username        varchar(64)  not null unique,
    display_name    varchar(200) not null,
    job_function    varchar(200),
    password_hash   varchar(200) not null,
    enabled         boolean      not null,
    created_at      timestamp(6) with time zone not null
);

create table app_user_role (
    user_id uuid        not null references app_user (id),
    role    varchar(40) not null,
    primary key (user_id, role)
);

create table setup_token (
    token_hash varchar(64) primary key,
    expires_at timestamp(6) with time zone not null
);

create table manufacturer (
    id      uuid primary key,
    name    varchar(200)  not null,
    address varchar(1000) not null
);

create table authorised_representative (
    manufacturer_id uuid          not null references manufacturer (id),
    position        integer       not null,
    name            varchar(200)  not null,
    address         varchar(1000) not null,
    primary key (manufacturer_id, position)
);

create table product (
    id                 uuid primary key,
    manufacturer_id    uuid          not null references manufacturer (id),
    model_designation  varchar(200)  not null,
    product_type       varchar(200)  not null,
    support_period_end date          not null,
    support_period_url varchar(2000)
);

create table product_release (
    id               uuid primary key,
    product_id       uuid         not null references product (id),
    firmware_version varchar(100) not null,
    batch            varchar(200) not null,
    created_at       timestamp(6) with time zone not null,
    constraint uq_release_version unique (product_id, firmware_version)
);

create table assessment (
    id             uuid primary key,
    release_id     uuid        not null references product_release (id),
    regime         varchar(40) not null,
    status         varchar(20) not null,
    opened_by      varchar(64) not null,
    opened_at      timestamp(6) with time zone not null,
    approved_by    varchar(64),
    approved_at    timestamp(6) with time zone,
    place_of_issue varchar(200),
    version        bigint      not null
);

create table requirement_assessment (
    id                uuid primary key,
    assessment_id     uuid         not null references assessment (id),
    position          integer      not null,
    principle         varchar(20)  not null,
    framework_urn     varchar(200) not null,
    framework_version varchar(40)  not null,
    requirement_id    varchar(40)  not null,
    title             varchar(300) not null,
    mandatory         boolean      not null,
    status            varchar(20)  not null,
    verdict           varchar(10),
    justification     varchar(4000),
    constraint uq_requirement_in_assessment unique (assessment_id, framework_urn, framework_version, requirement_id)
);
create index ix_requirement_assessment_principle on requirement_assessment (assessment_id, principle);

create table evidence (
    id                        uuid primary key,
    assessment_id             uuid         not null references assessment (id),
    requirement_assessment_id uuid         not null references requirement_assessment (id),
    principle                 varchar(20)  not null,
    requirement_id            varchar(40)  not null,
    file_name                 varchar(255) not null,
    media_type                varchar(200) not null,
    sha256                    varchar(64)  not null,
    size_bytes                bigint       not null,
    uploaded_by               varchar(64)  not null,
    uploaded_at               timestamp(6) with time zone not null
);
create index ix_evidence_requirement on evidence (requirement_assessment_id);
create index ix_evidence_assessment on evidence (assessment_id, principle);

create table signoff (
    id               uuid primary key,
    assessment_id    uuid        not null references assessment (id),
    principle        varchar(20),
    decision         varchar(20) not null,
    actor            varchar(64) not null,
    actor_role       varchar(40) not null,
    decided_at       timestamp(6) with time zone not null,
    decision_comment varchar(4000)
);
create index ix_signoff_assessment on signoff (assessment_id);

create table signoff_evidence (
    signoff_id uuid        not null references signoff (id),
    position   integer     not null,
    sha256     varchar(64) not null,
    primary key (signoff_id, position)
);

create table declaration (
    id            uuid primary key,
    assessment_id uuid        not null unique references assessment (id),
    regime        varchar(40) not null,
    status        varchar(20) not null,
    sha256        varchar(64) not null,
    size_bytes    bigint      not null,
    issued_at     timestamp(6) with time zone not null
);
