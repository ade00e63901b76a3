-- Where the Cyber Resilience Act places each product (Article 32 decides the conformity routes open to it), when it
-- was first supplied, and the latest support-period end a declaration stated (it may be extended, never shortened).
alter table product add column cra_category varchar(20) default 'DEFAULT' not null;
alter table product add column cra_annex_item_number integer;
alter table product add column cra_annex_item_label varchar(300);
alter table product add column first_supplied_on date;
alter table product add column declared_support_period_end date;
alter table product add constraint ck_product_cra_category
    check (cra_category in ('DEFAULT', 'IMPORTANT_CLASS_I', 'IMPORTANT_CLASS_II', 'CRITICAL'));
-- A listed product names its annex item; a default one has none.
alter table product add constraint ck_product_cra_annex_item
    check ((cra_category = 'DEFAULT' and cra_annex_item_label is null and cra_annex_item_number is null)
        or (cra_category <> 'DEFAULT' and cra_annex_item_label is not null));

-- Until now the support period could not be changed, so every issued declaration stated today's end date.
update product
   set declared_support_period_end = support_period_end
 where id in (select r.product_id
                from product_release r
                join assessment a on a.release_id = r.id
               where a.status = 'ISSUED');

-- The conformity route an assessment under the CRA regime follows (Article 32 / Annex VIII), with the notified body
-- and its certificate where the route has one.
alter table assessment add column cra_procedure varchar(40);
alter table assessment add column notified_body_name varchar(200);
alter table assessment add column notified_body_number varchar(4);
alter table assessment add column certificate_reference varchar(200);
alter table assessment add column certificate_date date;
alter table assessment add column route_recorded_by varchar(64);
alter table assessment add column route_recorded_at timestamp(6) with time zone;

-- Harmonised standards, common specifications and EU cybersecurity certifications applied (Annex V pt 6).
create table assessment_cra_standard (
    assessment_id   uuid         not null references assessment (id),
    position        integer      not null,
    kind            varchar(40)  not null,
    reference       varchar(300) not null,
    applied_in_full boolean      not null,
    assurance_level varchar(20),
    primary key (assessment_id, position)
);

-- Every product is DEFAULT now, for which internal control (module A) is allowed: open CRA assessments take it,
-- as newly opened ones do.
update assessment
   set cra_procedure = 'INTERNAL_CONTROL',
       route_recorded_by = opened_by,
       route_recorded_at = opened_at
 where status = 'IN_PROGRESS'
   and (',' || regimes || ',') like '%,CRA,%';
