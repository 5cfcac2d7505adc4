-- Visits of issued on-site inspection demands enter the calendar too, marked with their demand so that accepting a
-- new schedule replaces only the scheduler's visits.
alter table inspection_visit add column demand_id bigint;
create index inspection_visit_demand on inspection_visit (demand_id);
