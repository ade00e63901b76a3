-- Which regimes brought each requirement into scope, recorded when the assessment is opened: a regime's
-- declaration is built from this record, never from the catalog as it is when the declaration is issued.
alter table requirement_assessment add column regimes varchar(200);
-- Assessments opened before this version: the regimes of the assessment (exact for a single regime; for several,
-- each requirement is listed under all of them).
update requirement_assessment
   set regimes = (select a.regimes from assessment a where a.id = requirement_assessment.assessment_id);
alter table requirement_assessment alter column regimes set not null;
