-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- A comment on a principle without a decision (a question, an answer, a note for the next round). Decisions and
-- their comments stay in signoff; the conversation on a principle shows both, oldest first.
create table principle_comment (
    id            uuid primary key,
    assessment_id uuid          not null references assessment (id),
    principle     varchar(60)   not null,
    author        varchar(64)   not null,
    author_role   varchar(40)   not null,
    written_at    timestamp(6) with time zone not null,
    body          varchar(32000) not null
);
create index ix_principle_comment_assessment on principle_comment (assessment_id, written_at);

-- An assessment the officer closed because the product cannot be certified as it is: who, when and why.
alter table assessment add column closed_by varchar(64);
alter table assessment add column closed_at timestamp(6) with time zone;
alter table assessment add column closure_reason varchar(32000);
