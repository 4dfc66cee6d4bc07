-- Daily portfolio values (portfolio module): one row per user and UTC day, the portfolio's value in
-- USD at its close, written by the daily snapshot job at most once (INSERT ... ON CONFLICT DO NOTHING).
-- No foreign key to users: the module reads users only through its ports.
CREATE TABLE portfolio_daily_values (
    user_id    uuid           NOT NULL,
    day        date           NOT NULL,
    value_usd  numeric(38, 8) NOT NULL,
    created_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, day)
);

-- the snapshot job asks which users already have a value for a day
CREATE INDEX portfolio_daily_values_day ON portfolio_daily_values (day);
