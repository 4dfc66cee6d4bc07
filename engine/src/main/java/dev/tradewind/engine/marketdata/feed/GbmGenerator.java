package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TakerSide;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic market: each instrument's mid follows a geometric Brownian motion
 * {@code S(t+dt) = S(t)·exp((μ − σ²/2)·dt + σ·√dt·Z)} sampled at its own event rate, and every event
 * is a quote, a trade or a reference tick on the tick grid (prices are whole ticks, never below one
 * tick above the half-spread, so bids stay positive).
 *
 * <p>Same seed, parameters and start time → same sequence, on any JVM: only {@link SplittableRandom}
 * and {@link StrictMath} are used, and event times come from a virtual clock
 * ({@code start + n / rate}), not from the wall clock. Events of all instruments are merged in time
 * order (ties: the instrument listed first).
 */
public final class GbmGenerator {
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    private final Path[] paths;
    private final long startMillis;

    public GbmGenerator(SymbolTable symbols, List<GbmParameters> instruments, long seed, long startMillis) {
        this.startMillis = startMillis;
        this.paths = new Path[instruments.size()];
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < paths.length; i++) {
            GbmParameters p = instruments.get(i);
            int id = symbols.id(p.symbol());
            if (id < 0) {
                throw new IllegalArgumentException("GBM instrument " + p.symbol() + " is not in the symbol table");
            }
            paths[i] = new Path(id, symbols.scale(id), p, root.split());
        }
    }

    /** Fills {@code out} with the next event (allocation-free). */
    public void next(MutableUpdate out) {
        Path path = paths[0];
        for (int i = 1; i < paths.length; i++) {
            if (paths[i].nextNanos < path.nextNanos) {
                path = paths[i];
            }
        }
        path.step(startMillis, out);
    }

    /** The next event as a record. */
    public MarketUpdate next(SymbolTable symbols, MutableUpdate scratch) {
        next(scratch);
        return scratch.toRecord(symbols);
    }

    /** Event time (epoch ms) the next event will carry. */
    public long peekTimeMillis() {
        long min = Long.MAX_VALUE;
        for (Path p : paths) {
            min = Math.min(min, p.nextNanos);
        }
        return startMillis + min / 1_000_000;
    }

    private static final class Path {
        final int id;
        final GbmParameters p;
        final SplittableRandom random;
        final long intervalNanos;
        final double driftTerm;
        final double diffusion;
        final long minMid;
        double mid;
        long nextNanos;
        long tradeId;
        double spareGaussian = Double.NaN;

        Path(int id, InstrumentScale scale, GbmParameters p, SplittableRandom random) {
            this.id = id;
            this.p = p;
            this.random = random;
            this.intervalNanos = Math.max(1, Math.round(1e9 / p.updatesPerSecond()));
            double dt = intervalNanos / 1e9 / SECONDS_PER_YEAR;
            this.driftTerm = (p.drift() - 0.5 * p.volatility() * p.volatility()) * dt;
            this.diffusion = p.volatility() * StrictMath.sqrt(dt);
            this.minMid = p.halfSpreadTicks() + 1L;
            double tick = scale.tickSize().doubleValue();
            this.mid = Math.max(minMid, StrictMath.rint(p.initialPrice() / tick));
        }

        void step(long startMillis, MutableUpdate out) {
            mid *= StrictMath.exp(driftTerm + diffusion * gaussian());
            if (mid < minMid) {
                mid = minMid;
            }
            long m = (long) StrictMath.rint(mid);
            long time = startMillis + nextNanos / 1_000_000;
            nextNanos += intervalNanos;
            double u = random.nextDouble();
            int half = p.halfSpreadTicks();
            if (u < p.tradeProbability()) {
                TakerSide side = random.nextBoolean() ? TakerSide.BUY : TakerSide.SELL;
                long price = side == TakerSide.BUY ? m + half : m - half;
                out.trade(id, price, 1 + random.nextLong(p.maxLots()), side, time).ids(++tradeId, 0).venue("synthetic");
            } else if (u < p.tradeProbability() + p.referenceProbability()) {
                out.reference(id, m, time).venue("synthetic");
            } else {
                out.quote(id, m - half, 1 + random.nextLong(p.maxLots()), m + half, 1 + random.nextLong(p.maxLots()), time)
                        .venue("synthetic");
            }
        }

        /** Box–Muller with {@link StrictMath}, so the stream is identical on every JVM. */
        private double gaussian() {
            if (!Double.isNaN(spareGaussian)) {
                double z = spareGaussian;
                spareGaussian = Double.NaN;
                return z;
            }
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double theta = 2.0 * StrictMath.PI * u2;
            spareGaussian = r * StrictMath.sin(theta);
            return r * StrictMath.cos(theta);
        }
    }
}
