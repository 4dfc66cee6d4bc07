-- Market data (dev.tradewind.marketdata): closed OHLCV candles, written in batches off the market-data
-- thread and read by GET /api/v1/markets/{symbol}/candles together with the candles still in memory.
-- Prices and volume are decimals in the instrument's tick and lot sizes; open_time is the UTC-aligned
-- start of the interval. Upserts make a re-written candle (e.g. after a restart) replace the old row.
CREATE TABLE candles (
    symbol          text        NOT NULL,
    candle_interval text        NOT NULL CHECK (candle_interval IN ('1s', '1m', '5m', '1h', '1d')),
    open_time       timestamptz NOT NULL,
    open            numeric     NOT NULL CHECK (open > 0),
    high            numeric     NOT NULL,
    low             numeric     NOT NULL,
    close           numeric     NOT NULL,
    volume          numeric     NOT NULL CHECK (volume >= 0),
    CHECK (low > 0 AND low <= open AND low <= close AND high >= open AND high >= close),
    PRIMARY KEY (symbol, candle_interval, open_time)
);
