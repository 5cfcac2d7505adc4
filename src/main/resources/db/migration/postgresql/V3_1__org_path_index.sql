-- Prefix searches on the unit path (scope checks) use this index; the C-collation operator class makes LIKE 'p%'
-- indexable whatever the database's collation.
create index unit_path on unit (path varchar_pattern_ops);
