-- Trading (dev.tradewind.trading): reference data, engine accounts, and what the persister writes
-- from engine events (orders, trades, fills, its checkpoint). Amounts are exact decimals converted
-- from the engine's integer units; times are the engine's command timestamps (deterministic, so a
-- replay after a crash writes identical rows).

-- ---------------------------------------------------------------- reference data
-- The engine assigns its own dense ids when an asset/instrument is added; engine_id records them.
-- The trading runtime makes sure at every start that the engine has every row here.
CREATE TABLE assets (
    code       text        PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{2,12}$'),
    -- decimal places of the minor unit (engine scale 0..18); balances are longs of minor units,
    -- so scale bounds the total supply: 10^(18 - scale) whole units
    scale      int         NOT NULL CHECK (scale BETWEEN 0 AND 18),
    engine_id  int         UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE instruments (
    symbol       text        PRIMARY KEY CHECK (symbol ~ '^[A-Z0-9]{2,12}-[A-Z0-9]{2,12}$'),
    base_asset   text        NOT NULL REFERENCES assets (code),
    quote_asset  text        NOT NULL REFERENCES assets (code),
    tick_size    numeric     NOT NULL CHECK (tick_size > 0),
    lot_size     numeric     NOT NULL CHECK (lot_size > 0),
    min_quantity numeric     NOT NULL CHECK (min_quantity > 0),
    status       text        NOT NULL DEFAULT 'TRADING' CHECK (status IN ('TRADING', 'HALTED')),
    engine_id    int         UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (base_asset <> quote_asset)
);

-- Engine asset-scale rule: lot size must be whole base minor units and tick x lot whole quote
-- minor units, so settlement never rounds. USD has 8 decimals because BTC-USD's tick x lot is
-- 0.01 x 0.00001 = 0.0000001 USD.
INSERT INTO assets (code, scale) VALUES
    ('USD', 8),
    ('BTC', 8),
    ('ETH', 8),
    ('SOL', 8),
    ('AAPL', 6);

INSERT INTO instruments (symbol, base_asset, quote_asset, tick_size, lot_size, min_quantity) VALUES
    ('BTC-USD', 'BTC', 'USD', 0.01, 0.00001, 0.0001),
    ('ETH-USD', 'ETH', 'USD', 0.01, 0.0001, 0.001),
    ('SOL-USD', 'SOL', 'USD', 0.001, 0.01, 0.1),
    ('AAPL-USD', 'AAPL', 'USD', 0.01, 0.001, 0.001);

-- ---------------------------------------------------------------- accounts
-- Each user trades through one engine account. 0 is the engine's fee account, so ids start at 1.
CREATE SEQUENCE trading_account_ids START WITH 1 MINVALUE 1;

CREATE TABLE trading_accounts (
    user_id    uuid        PRIMARY KEY REFERENCES users (id),
    account_id bigint      NOT NULL UNIQUE DEFAULT nextval('trading_account_ids') CHECK (account_id > 0),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- persister bookkeeping
-- Last engine sequence whose events are in PostgreSQL, written in the same transaction as them.
CREATE TABLE engine_checkpoints (
    consumer   text        PRIMARY KEY,
    sequence   bigint      NOT NULL CHECK (sequence >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO engine_checkpoints (consumer, sequence) VALUES ('persister', 0);

-- Engine timestamps never decrease with the sequence, so the first sequence of each month tells
-- which monthly partition holds an order given only its id (order id = its command's sequence):
-- lookups by id can then prune partitions.
CREATE TABLE engine_months (
    month          date   PRIMARY KEY CHECK (month = date_trunc('month', month)),
    first_sequence bigint NOT NULL UNIQUE
);

-- ---------------------------------------------------------------- monthly partitions
-- Creates the monthly partitions <parent>_yYYYYmMM of a table partitioned by a timestamptz range,
-- for `months` months from the month of `from_time` (UTC). Idempotent and safe to race.
CREATE FUNCTION tradewind_ensure_monthly_partitions(parent text, from_time timestamptz, months int)
    RETURNS int
    LANGUAGE plpgsql AS
$$
DECLARE
    first_month timestamp := date_trunc('month', from_time AT TIME ZONE 'UTC');
    month_start timestamp;
    partition   text;
    created     int       := 0;
BEGIN
    FOR i IN 0 .. months - 1 LOOP
        month_start := first_month + make_interval(months => i);
        partition := format('%s_y%sm%s', parent, to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        IF to_regclass(partition) IS NULL THEN
            BEGIN
                EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent,
                               month_start AT TIME ZONE 'UTC', (month_start + interval '1 month') AT TIME ZONE 'UTC');
                created := created + 1;
            EXCEPTION WHEN duplicate_table THEN
                NULL; -- another session created it meanwhile
            END;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

-- ---------------------------------------------------------------- orders
-- Current state of every order (one row per order, upserted as its events arrive).
CREATE TABLE orders (
    order_id           bigint      NOT NULL,
    account_id         bigint      NOT NULL,
    symbol             text        NOT NULL,
    client_order_id    text,
    side               text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type               text        NOT NULL CHECK (type IN ('LIMIT', 'MARKET', 'STOP_LIMIT', 'STOP_MARKET')),
    time_in_force      text        NOT NULL CHECK (time_in_force IN ('GTC', 'IOC', 'FOK', 'POST_ONLY')),
    price              numeric,
    stop_price         numeric,
    quantity           numeric     NOT NULL,
    filled_quantity    numeric     NOT NULL DEFAULT 0,
    -- sum of fill price x quantity in engine units (ticks x lots): keeps the average exact
    filled_value       bigint      NOT NULL DEFAULT 0,
    average_fill_price numeric,
    status             text        NOT NULL CHECK (status IN ('PENDING_TRIGGER', 'NEW', 'PARTIALLY_FILLED',
                                                              'FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED')),
    reject_code        text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    last_sequence      bigint      NOT NULL,
    PRIMARY KEY (order_id, created_at)
) PARTITION BY RANGE (created_at);

CREATE INDEX orders_account_status ON orders (account_id, status, order_id DESC);
CREATE INDEX orders_account ON orders (account_id, order_id DESC);
CREATE INDEX orders_account_symbol ON orders (account_id, symbol, order_id DESC);
CREATE INDEX orders_symbol_created ON orders (symbol, created_at);
-- what the persister reloads at start: the orders that can still change
CREATE INDEX orders_open ON orders (order_id) WHERE status IN ('PENDING_TRIGGER', 'NEW', 'PARTIALLY_FILLED');

-- ---------------------------------------------------------------- trades and fills
CREATE TABLE trades (
    trade_id         bigint      NOT NULL,
    symbol           text        NOT NULL,
    price            numeric     NOT NULL,
    quantity         numeric     NOT NULL,
    taker_side       text        NOT NULL CHECK (taker_side IN ('BUY', 'SELL')),
    maker_order_id   bigint      NOT NULL,
    maker_account_id bigint      NOT NULL,
    maker_fee        numeric     NOT NULL,
    taker_order_id   bigint      NOT NULL,
    taker_account_id bigint      NOT NULL,
    taker_fee        numeric     NOT NULL,
    fee_asset        text        NOT NULL,
    sequence         bigint      NOT NULL,
    executed_at      timestamptz NOT NULL,
    PRIMARY KEY (trade_id, executed_at)
) PARTITION BY RANGE (executed_at);

CREATE INDEX trades_symbol_executed ON trades (symbol, executed_at DESC);

-- Each trade seen from each of its two orders: what GET /fills and Order.fills read.
CREATE TABLE fills (
    trade_id    bigint      NOT NULL,
    order_id    bigint      NOT NULL,
    account_id  bigint      NOT NULL,
    symbol      text        NOT NULL,
    side        text        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    price       numeric     NOT NULL,
    quantity    numeric     NOT NULL,
    fee         numeric     NOT NULL,
    fee_asset   text        NOT NULL,
    liquidity   text        NOT NULL CHECK (liquidity IN ('MAKER', 'TAKER')),
    executed_at timestamptz NOT NULL,
    PRIMARY KEY (trade_id, order_id, executed_at)
) PARTITION BY RANGE (executed_at);

CREATE INDEX fills_account ON fills (account_id, trade_id DESC);
CREATE INDEX fills_account_symbol ON fills (account_id, symbol, trade_id DESC);
CREATE INDEX fills_order ON fills (order_id);

SELECT tradewind_ensure_monthly_partitions(t, now() - interval '1 month', 4)
FROM unnest(ARRAY['orders', 'trades', 'fills']) AS t;
