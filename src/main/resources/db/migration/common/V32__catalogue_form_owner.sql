-- The issuer's name as owner of the indicators a form adds to the catalogue when it is approved, and the
-- indicators a form draws from the catalogue instead of asking the grassroots.
alter table catalogue_form add column owner varchar(200);
alter table catalogue_form_field add column drawn boolean default false not null;
