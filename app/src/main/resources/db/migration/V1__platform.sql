-- Schema history starts here. Each module adds its own migrations (V2 onwards).
CREATE TABLE platform_info (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO platform_info (key, value) VALUES ('schema_created_at', now()::text);
