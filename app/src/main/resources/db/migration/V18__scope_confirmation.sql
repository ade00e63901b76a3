-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- The scope step: what the catalog worked out from the product profile is kept next to what the compliance officer
-- confirmed, with who overrode it, when and why (the declaration's annex prints the override).
alter table requirement_assessment add column computed_applicable boolean;
update requirement_assessment set computed_applicable = applicable;
alter table requirement_assessment alter column computed_applicable set not null;
alter table requirement_assessment add column scope_justification varchar(32000);
alter table requirement_assessment add column scope_overridden_by varchar(64);
alter table requirement_assessment add column scope_overridden_at timestamp(6) with time zone;
