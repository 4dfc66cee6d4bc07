package dev.tradewind.engine.marketdata.candle;

/** Candle lengths of API.md; every boundary is aligned to UTC (epoch multiples of the length). */
public enum CandleInterval {
    S1("1s", 1_000L),
    M1("1m", 60_000L),
    M5("5m", 300_000L),
    H1("1h", 3_600_000L),
    D1("1d", 86_400_000L);

    private final String code;
    private final long millis;

    CandleInterval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** The API form: {@code 1s 1m 5m 1h 1d}. */
    public String code() {
        return code;
    }

    public long millis() {
        return millis;
    }

    /** Start (inclusive) of the candle containing {@code epochMillis}. */
    public long openTime(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, millis);
    }

    /** The interval for an API code, e.g. {@code "5m"}. */
    public static CandleInterval ofCode(String code) {
        for (CandleInterval interval : values()) {
            if (interval.code.equals(code)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown candle interval '" + code + "'; use one of 1s, 1m, 5m, 1h, 1d");
    }
}
