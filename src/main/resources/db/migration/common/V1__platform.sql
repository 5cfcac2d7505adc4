-- Platform settings: one row per key, such as the marker that demo data has been loaded.
create table platform_setting (
    setting_key   varchar(100)  not null primary key,
    setting_value varchar(4000) not null,
    updated_at    timestamp with time zone not null
);
