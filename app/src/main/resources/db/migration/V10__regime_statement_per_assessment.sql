-- Per regime, the standards and compliance routes its declaration states, copied from the regime when the
-- assessment is opened (JSON). Null for assessments opened before: their declarations use the regime as loaded.
alter table assessment add column statements varchar(16000);
