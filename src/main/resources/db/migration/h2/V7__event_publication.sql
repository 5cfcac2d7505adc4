-- Spring Modulith's event publication registry (its v2 schema), created here rather than by Modulith's own
-- initializer because that one limits a serialized event to 4,000 characters on H2: a DemandIssued event carries the
-- demand, and a body or a recipient list is often longer. Completed publications are deleted
-- (spring.modulith.events.completion-mode=delete), so the table holds only what is still to be delivered.
create table event_publication (
    id                     uuid                        not null primary key,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512)                not null,
    listener_id            varchar(512)                not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(1000000000)         not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone
);
create index event_publication_by_listener_id_idx on event_publication (listener_id);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
