create index unit_path on unit (path);
