-- The burden-consistency assessment score (0-100) the issuer's demand carried when it was issued, copied onto each
-- entry so that the ledger can show what the issuer claimed beside what the demand cost; null before this column.
alter table ledger_entry add column assessment_score integer;
