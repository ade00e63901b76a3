-- Re-certification: evidence of a new release's assessment carried over from the previous release's accepted
-- evidence, by hash. The row is new (its own analysis, findings and coverage in the new assessment) and names the
-- blob the original names; these columns say where it came from. All null for evidence uploaded or declared.
alter table evidence add column carried_from_assessment_id uuid references assessment (id);
alter table evidence add column carried_from_evidence_id uuid references evidence (id);
alter table evidence add column carried_from_release_id uuid;
alter table evidence add column carried_from_firmware_version varchar(800);
-- Who uploaded the bytes first and when (through any number of carry-overs): the uploader of the very first item.
alter table evidence add column carried_from_uploaded_by varchar(64);
alter table evidence add column carried_from_uploaded_at timestamp(6) with time zone;
create index ix_evidence_carried_from on evidence (carried_from_evidence_id);
