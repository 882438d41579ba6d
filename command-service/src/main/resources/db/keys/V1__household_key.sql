-- The households' data keys (ADR 0009), in their own schema and Flyway history, apart from the event tables. Each key
-- is a random AES-256 key wrapped (AES-GCM) under the master key from configuration. Forgetting a household's
-- personal data sets wrapped_key to NULL and records the legal basis: the row stays as the record of the erasure.
-- The query service reads this table only (SELECT), to open the sealed fields it shows.
CREATE TABLE household_key (
    household_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    kelurahan_code VARCHAR(13)  NOT NULL,
    wrapped_key    BYTEA,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    destroyed_at   TIMESTAMPTZ,
    legal_basis    VARCHAR(500),
    destroyed_by   VARCHAR(255),
    CONSTRAINT household_key_live_or_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
