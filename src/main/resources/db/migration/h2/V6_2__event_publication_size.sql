-- Spring Modulith's H2 schema limits a serialized event to 4000 characters, but
-- DemandIssued carries the demand's body (a document may exceed 5000 characters), so
-- issuing a long document failed on H2 once the ledger listened for it. PostgreSQL
-- stores the event as TEXT. Create the table here when Flyway runs first (Modulith's
-- own "if not exists" script is then a no-op), and widen the column when Modulith ran
-- first. H2 caps VARCHAR at 1048576 characters; a CLOB could not be indexed.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  event_type             VARCHAR(512) NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event       VARCHAR(1048576) NOT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
  PRIMARY KEY (id)
);
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(1048576);
