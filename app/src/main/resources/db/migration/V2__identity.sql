-- Users, their roles and refresh-token families (identity).
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    -- stored normalized (trimmed, lower-case), so the unique constraint is case-insensitive
    email         text        NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
    display_name  text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 64),
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL DEFAULT ARRAY['TRADER']
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['TRADER', 'ANALYST', 'COMPLIANCE', 'ADMIN']),
    tier          text        NOT NULL DEFAULT 'BASIC' CHECK (tier IN ('BASIC', 'PRO', 'ENTERPRISE')),
    kyc_status    text        NOT NULL DEFAULT 'NOT_STARTED'
        CHECK (kyc_status IN ('NOT_STARTED', 'PENDING', 'VERIFIED', 'REJECTED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_roles ON users USING gin (roles);

-- Opaque refresh tokens, stored as SHA-256 of the token. Every login starts a family; each use
-- marks the token used and issues its successor in the same family. Presenting a used token again
-- revokes the whole family.
CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_expiry ON refresh_tokens (user_id, expires_at);
