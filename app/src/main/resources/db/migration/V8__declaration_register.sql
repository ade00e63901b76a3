-- The declaration register: what each issued file states about its product (as printed, so later edits of the
-- product do not rewrite the register), and the lifecycle of the statement. Portable: H2 2.x and PostgreSQL.
alter table declaration add column product_id uuid;
alter table declaration add column release_id uuid;
alter table declaration add column manufacturer_name varchar(1600);
alter table declaration add column product_type varchar(1600);
alter table declaration add column model_designation varchar(1600);
alter table declaration add column firmware_version varchar(800);
alter table declaration add column batch varchar(1600);
-- The support period the statement states: PSTI regulations 8 and 9 keep the copy for the longer of ten years
-- from issue and this period.
alter table declaration add column support_period_end date;
alter table declaration add column superseded_by uuid;
alter table declaration add column superseded_at timestamp(6) with time zone;
alter table declaration add column withdrawal_reason varchar(32000);
alter table declaration add column withdrawn_by varchar(64);
alter table declaration add column withdrawn_at timestamp(6) with time zone;

-- Declarations issued before this version: the product as it is now is the best record there is.
update declaration
   set release_id = (select a.release_id from assessment a where a.id = declaration.assessment_id);
update declaration
   set product_id = (select r.product_id from product_release r where r.id = declaration.release_id),
       firmware_version = (select r.firmware_version from product_release r where r.id = declaration.release_id),
       batch = (select r.batch from product_release r where r.id = declaration.release_id);
update declaration
   set product_type = (select p.product_type from product p where p.id = declaration.product_id),
       model_designation = (select p.model_designation from product p where p.id = declaration.product_id),
       support_period_end = (select p.support_period_end from product p where p.id = declaration.product_id),
       manufacturer_name = (select m.name from product p join manufacturer m on m.id = p.manufacturer_id
                             where p.id = declaration.product_id);

alter table declaration alter column product_id set not null;
alter table declaration alter column release_id set not null;
alter table declaration alter column manufacturer_name set not null;
alter table declaration alter column product_type set not null;
alter table declaration alter column model_designation set not null;
alter table declaration alter column firmware_version set not null;
alter table declaration alter column batch set not null;
alter table declaration alter column support_period_end set not null;

-- Supersession looks up the issued statements of a release; the register searches by status and regime.
create index ix_declaration_release on declaration (release_id, regime, status);
create index ix_declaration_status on declaration (status, issued_at);

-- The issued statements an assessment replaces, stated when it is opened (comma-separated declaration ids).
alter table assessment add column supersedes varchar(800);
