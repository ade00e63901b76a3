-- Regulatory catalog (issue: catalog, profile, applicability). Portable across H2 2.x and PostgreSQL.

-- An assessment may cover several regimes at once, and a chosen EN 303 645 version.
alter table assessment add column regimes varchar(200);
update assessment set regimes = regime;
alter table assessment alter column regimes set not null;
alter table assessment drop column regime;
alter table assessment add column en303645_version varchar(40);
alter table assessment add column psti_excepted varchar(200);

-- Principles are cross-walk topics now, whose codes can be longer than a guideline number.
alter table requirement_assessment alter column principle set data type varchar(60);
alter table evidence alter column principle set data type varchar(60);
alter table signoff alter column principle set data type varchar(60);

alter table requirement_assessment add column ics_status varchar(40);
alter table requirement_assessment add column applicable boolean default true not null;
alter table requirement_assessment add column ics_support varchar(3);
alter table requirement_assessment add column ics_detail varchar(4000);

create table product_profile (
    id                uuid primary key,
    product_id        uuid        not null references product (id),
    framework_version varchar(40) not null,
    updated_by        varchar(64) not null,
    updated_at        timestamp(6) with time zone not null,
    constraint uq_profile_version unique (product_id, framework_version)
);

create table product_profile_answer (
    profile_id uuid        not null references product_profile (id),
    answer_key varchar(10) not null,
    answer     boolean     not null,
    primary key (profile_id, answer_key)
);

-- What each framework version's file looked like when first loaded: a loaded version is never edited in place.
create table catalog_fingerprint (
    framework_urn     varchar(200) not null,
    framework_version varchar(40)  not null,
    sha256            varchar(64)  not null,
    first_loaded_at   timestamp(6) with time zone not null,
    primary key (framework_urn, framework_version)
);
