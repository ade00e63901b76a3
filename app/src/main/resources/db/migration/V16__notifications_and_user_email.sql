-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Issue 10: what the application tells people (task reminders, escalations, support-period notices). Every
-- notification is kept in its recipient's inbox; an e-mail copy is sent when SMTP is configured and the recipient
-- has an address, and its outcome is recorded here.
create table notification (
    id          uuid primary key,
    recipient   varchar(64)   not null,
    product_id  uuid references product (id),
    subject     varchar(200)  not null,
    body        varchar(4000) not null,
    -- A path relative to the application's public URL, e.g. /api/v1/tasks/{id}.
    link        varchar(500),
    created_at  timestamp(6) with time zone not null,
    read_at     timestamp(6) with time zone,
    -- The address the e-mail copy goes to, copied at creation; null when none is sent.
    email_to    varchar(254),
    emailed_at  timestamp(6) with time zone,
    email_error varchar(500)
);
-- The inbox: one user's notifications, newest first, and their unread ones.
create index ix_notification_recipient on notification (recipient, created_at);
create index ix_notification_unread on notification (recipient, read_at);

-- Where notifications are e-mailed: set by a local account, taken from the identity provider's email claim.
alter table app_user add column email varchar(254);
