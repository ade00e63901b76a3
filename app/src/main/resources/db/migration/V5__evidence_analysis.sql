-- Evidence that is read and checked (issue 7): what an upload is, what its analysis found, which requirements it
-- covers, the release's components, and the engineer's statement where no evidence exists.

-- FILE: an upload; DECLARATION: a structured statement validated against evidence-schema/evidence/<kind>.
alter table evidence add column kind varchar(20) default 'FILE' not null;
alter table evidence add column declaration_kind varchar(40);
alter table evidence add column schema_id varchar(200);
-- Text of a document (PDF, plain text), cut to a bounded length, for search.
alter table evidence add column extracted_text varchar(65536);

-- Derived from the stored bytes and what was declared: replaced when the evidence is analysed again.
create table evidence_analysis (
    evidence_id      uuid primary key references evidence (id),
    analyzer         varchar(40)  not null,
    analyzer_version varchar(20)  not null,
    status           varchar(20)  not null,
    summary          varchar(1000) not null,
    findings_total   integer      not null,
    -- Every finding counted by severity (INFO=3,LOW=0,…), also those past the number kept.
    severity_counts  varchar(200) not null,
    analysed_at      timestamp(6) with time zone not null
);

create table finding (
    id            uuid primary key,
    evidence_id   uuid          not null references evidence (id),
    assessment_id uuid          not null references assessment (id),
    position      integer       not null,
    code          varchar(80)   not null,
    severity      varchar(10)   not null,
    severity_rank integer       not null,
    provisions    varchar(2000) not null,
    message       varchar(2000) not null,
    location      varchar(500)
);
alter table finding add constraint finding_position unique (evidence_id, position);
create index finding_assessment on finding (assessment_id, severity_rank);
create index finding_evidence on finding (evidence_id);

-- The requirement assessments a finding bears on (its provisions matched in the assessment's scope).
create table finding_requirement (
    finding_id                uuid        not null references finding (id),
    requirement_assessment_id uuid        not null references requirement_assessment (id),
    principle                 varchar(60) not null,
    primary key (finding_id, requirement_assessment_id)
);
create index finding_requirement_requirement on finding_requirement (requirement_assessment_id);

-- The requirement assessments an evidence item evidences: the one it was uploaded for, and those its kind or its
-- findings bear on.
create table evidence_coverage (
    evidence_id               uuid not null references evidence (id),
    requirement_assessment_id uuid not null references requirement_assessment (id),
    primary key (evidence_id, requirement_assessment_id)
);
create index evidence_coverage_requirement on evidence_coverage (requirement_assessment_id);
-- Evidence stored before this version evidences the requirement it was uploaded for.
insert into evidence_coverage (evidence_id, requirement_assessment_id)
select id, requirement_assessment_id from evidence;

create table sbom_component (
    id            uuid primary key,
    evidence_id   uuid          not null references evidence (id),
    assessment_id uuid          not null references assessment (id),
    name          varchar(500)  not null,
    version       varchar(200),
    purl          varchar(1000)
);
create index sbom_component_assessment on sbom_component (assessment_id);
create index sbom_component_evidence on sbom_component (evidence_id);

alter table requirement_assessment add column no_evidence_statement varchar(32000);
alter table requirement_assessment add column no_evidence_by varchar(64);
alter table requirement_assessment add column no_evidence_at timestamp(6) with time zone;
