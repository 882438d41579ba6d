-- A household id belongs to one kelurahan for ever. The kelurahan aggregate checks ids within its own stream; this
-- table, written in the same transaction as the events, keeps an id from being reused by another kelurahan (read
-- models and Location headers know a household by its id alone).
CREATE TABLE household_identity (
    household_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    kelurahan_code VARCHAR(13) NOT NULL,
    claimed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
