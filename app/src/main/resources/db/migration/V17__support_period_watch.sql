-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- Issue 10, support-period watch. The end date the officers were told is near (so that they are told once per
-- end date: extending the period and nearing the new end tells them again), and the day the watch found the period
-- over; null while the product is in support.
alter table product add column support_end_notice_for date;
alter table product add column out_of_support_since date;
