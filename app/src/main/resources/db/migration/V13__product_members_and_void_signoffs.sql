-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Engineers, compliance officers and signatories see and act only on the products they are members of.
create table product_member (
    id         uuid primary key,
    product_id uuid        not null references product (id),
    username   varchar(64) not null,
    added_by   varchar(64) not null,
    added_at   timestamp(6) with time zone not null,
    constraint uq_product_member unique (product_id, username)
);
create index ix_product_member_username on product_member (username);

-- A sign-off whose covered evidence changed is kept, marked void with when and why; it no longer counts.
alter table signoff add column voided_at timestamp(6) with time zone;
alter table signoff add column void_reason varchar(4000);
