-- Text limits count characters as a person sees them (grapheme clusters); a value may take up to 8 UTF-16 units
-- per character (emoji sequences, combining marks), so the columns are 8 times the limit. Portable: H2 2.x and
-- PostgreSQL.
alter table app_user alter column display_name set data type varchar(1600);
alter table app_user alter column job_function set data type varchar(1600);
alter table manufacturer alter column name set data type varchar(1600);
alter table manufacturer alter column address set data type varchar(8000);
alter table authorised_representative alter column name set data type varchar(1600);
alter table authorised_representative alter column address set data type varchar(8000);
alter table product alter column model_designation set data type varchar(1600);
alter table product alter column product_type set data type varchar(1600);
alter table product alter column support_period_url set data type varchar(16000);
alter table product_release alter column firmware_version set data type varchar(800);
alter table product_release alter column batch set data type varchar(1600);
alter table assessment alter column place_of_issue set data type varchar(1600);
alter table requirement_assessment alter column justification set data type varchar(32000);
alter table requirement_assessment alter column ics_detail set data type varchar(32000);
alter table signoff alter column decision_comment set data type varchar(32000);
alter table evidence alter column file_name set data type varchar(2040);

-- The workflow task a decision completed: a second attempt at the same task is told it is done (409), not 404.
alter table signoff add column task_id varchar(64);
create index ix_signoff_task on signoff (task_id);
