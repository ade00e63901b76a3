-- PSTI Schedule 4 (e): the statement gives the defined support period as it stood at first supply. Kept when the end
-- is first changed after the date of first supply; null while it has not changed since.
alter table product add column support_period_end_at_first_supply date;
