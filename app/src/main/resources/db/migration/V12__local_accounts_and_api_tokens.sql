-- Issue 9, local accounts: an administrator's reset leaves a temporary password that must be changed before
-- anything else; personal API tokens are stored as the SHA-256 of the secret only.
alter table app_user add column password_change_required boolean default false not null;
-- Sessions signed in before this instant end: a changed or reset password signs out everyone who knew the old one.
alter table app_user add column credentials_changed_at timestamp(6) with time zone;

create table api_token (
    id           uuid primary key,
    user_id      uuid         not null references app_user (id),
    name         varchar(100) not null,
    scope        varchar(40)  not null,
    -- The product an evidence-upload token is bound to; null for scopes that are not bound to one.
    product_id   uuid references product (id),
    digest       varchar(64)  not null,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone not null,
    last_used_at timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    constraint uq_api_token_digest unique (digest)
);

create index ix_api_token_user on api_token (user_id);
