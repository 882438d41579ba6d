-- One row per (client, Idempotency-Key) whose command was recorded. Written in the same transaction as the command's
-- events, so a request is either recorded with its key or not at all; a retry with the key replays the response.
CREATE TABLE idempotency_record (
    client_id           VARCHAR(255)  NOT NULL,
    idempotency_key     VARCHAR(100)  NOT NULL,
    request_fingerprint CHAR(64)      NOT NULL,
    command_type        VARCHAR(255)  NOT NULL,
    response_status     INTEGER       NOT NULL,
    response_location   VARCHAR(1000),
    response_body       TEXT          NOT NULL,
    recorded_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, idempotency_key)
);
