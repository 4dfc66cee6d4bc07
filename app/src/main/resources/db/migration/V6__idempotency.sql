-- Idempotency-Key records (platform.idempotency): one row per (caller, method, path, key).
-- The first request claims the row (INSERT ... ON CONFLICT DO NOTHING on the primary key, so exactly
-- one request wins, on any number of app instances), runs, and stores its response for replays.
CREATE TABLE idempotency_keys (
    -- SHA-256 of the length-prefixed (scope, method, path, key): bounded, whatever the path length
    id                    bytea       PRIMARY KEY CHECK (octet_length(id) = 32),
    -- 'user:<user id>' for authenticated callers, 'ip:<client address>' for anonymous ones
    scope                 text        NOT NULL,
    method                text        NOT NULL,
    path                  text        NOT NULL,
    idem_key              text        NOT NULL CHECK (char_length(idem_key) BETWEEN 1 AND 128),
    -- SHA-256 of the request body: the same key with another body is a conflict
    request_hash          bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
    state                 text        NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    -- identifies the request that holds the claim; completion and release only touch their own claim
    claim_token           uuid        NOT NULL,
    claimed_at            timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    completed_at          timestamptz,
    response_status       integer,
    response_content_type text,
    response_headers      jsonb,
    response_body         bytea,
    CHECK (state = 'IN_PROGRESS' OR (completed_at IS NOT NULL AND response_status IS NOT NULL
        AND response_body IS NOT NULL AND response_headers IS NOT NULL))
);

-- the periodic purge deletes by expiry
CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
