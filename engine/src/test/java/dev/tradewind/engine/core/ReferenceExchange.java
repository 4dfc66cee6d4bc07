package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.command.ConfigureRiskLimits;
import dev.tradewind.engine.command.ConfirmWithdrawal;
import dev.tradewind.engine.command.CreditDeposit;
import dev.tradewind.engine.command.HoldWithdrawal;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.ReleaseWithdrawal;
import dev.tradewind.engine.command.ReplaceOrder;
import dev.tradewind.engine.command.SetAccountFeeTier;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A deliberately simple, slow re-implementation of the engine's rules, written from the documented
 * policies rather than from the engine's code: TreeMaps of ArrayLists for books, a plain list of
 * stops searched linearly, HashMaps for accounts, BigInteger for every product. The randomized test
 * runs both on the same commands and demands identical outcomes, trades and balances.
 */
final class ReferenceExchange {
    static final long FEE_ACCOUNT = 0;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    /** What one command did. */
    record Outcome(String code, String status, long filled, List<Trade> trades) {
    }

    record Trade(long tradeId, int instrumentId, long price, long quantity, long makerOrderId, long makerAccount,
                 long makerFee, long takerOrderId, long takerAccount, long takerFee) {
    }

    static final class ROrder {
        long id;
        long account;
        int instrument;
        Side side;
        OrderType type;
        TimeInForce tif;
        long price;
        long stopPrice;
        long quantity;
        long filled;
        int makerBps;
        int takerBps;
        boolean pending;

        long remaining() {
            return quantity - filled;
        }
    }

    static final class RMarket {
        int id;
        int base;
        int quote;
        long basePerLot;
        long quotePerTickLot;
        long minQuantity;
        boolean halted;
        int bandBps;
        long maxQuantity;
        long maxNotional;
        long reference;
        long marketPrice;
        final TreeMap<Long, List<ROrder>> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<Long, List<ROrder>> asks = new TreeMap<>();
        final List<ROrder> stops = new ArrayList<>();
    }

    record Money(String kind, long account, int asset, long amount, long totalAfter, long reservedAfter) {
    }

    static final class Hold {
        String state = "HELD";
        long settledTotal;
        long settledReserved;
    }

    final List<int[]> assets = new ArrayList<>(); // {scale}
    final List<RMarket> markets = new ArrayList<>();
    final Map<Long, long[]> totals = new HashMap<>();
    final Map<Long, long[]> reserved = new HashMap<>();
    final Map<Long, Integer> tierOf = new HashMap<>();
    final Map<Integer, int[]> tiers = new HashMap<>(Map.of(0, new int[] {0, 0}));
    final Map<Long, ROrder> open = new HashMap<>();
    final Map<String, Money> money = new HashMap<>();
    final Map<String, Hold> holds = new HashMap<>();
    long tradeId;
    long sequence;

    private List<Trade> trades;
    private ROrder subject;
    private String subjectFinal;

    ReferenceExchange() {
        totals.put(FEE_ACCOUNT, new long[16]);
        reserved.put(FEE_ACCOUNT, new long[16]);
    }

    Outcome apply(long seq, Command command) {
        sequence = seq;
        trades = new ArrayList<>();
        subject = null;
        subjectFinal = null;
        String code = switch (command) {
            case PlaceOrder c -> place(c);
            case CancelOrder c -> cancel(c);
            case ReplaceOrder c -> replace(c);
            case CreditDeposit c -> credit(c.reference(), "CREDIT", c.accountId(), c.assetId(), c.amount());
            case AdjustBalance c -> credit(c.reference(), "ADJUST", c.accountId(), c.assetId(), c.amount());
            case HoldWithdrawal c -> hold(c);
            case ConfirmWithdrawal c -> settle(c.reference(), "CONFIRMED");
            case ReleaseWithdrawal c -> settle(c.reference(), "RELEASED");
            case UpdateReferencePrice c -> referencePrice(c);
            case SetInstrumentStatus c -> status(c);
            case ConfigureFeeTier c -> feeTier(c);
            case SetAccountFeeTier c -> accountTier(c);
            case ConfigureRiskLimits c -> limits(c);
            case AddAsset c -> {
                assets.add(new int[] {c.scale()});
                yield null;
            }
            case AddInstrument c -> throw new UnsupportedOperationException("use addMarket");
        };
        String status = null;
        long filled = 0;
        if (subject != null) {
            status = subjectFinal != null ? subjectFinal : liveStatus(subject);
            filled = subject.filled;
        }
        return new Outcome(code, status, filled, trades);
    }

    void addMarket(int base, int quote, long basePerLot, long quotePerTickLot, long minQuantity) {
        RMarket m = new RMarket();
        m.id = markets.size();
        m.base = base;
        m.quote = quote;
        m.basePerLot = basePerLot;
        m.quotePerTickLot = quotePerTickLot;
        m.minQuantity = minQuantity;
        markets.add(m);
    }

    // ------------------------------------------------------------------ arithmetic

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    /** a × b for non-negative operands, or -1 when the product does not fit a long (128-bit check). */
    static long product(long a, long b) {
        long low = a * b;
        return Math.multiplyHigh(a, b) != 0 || low < 0 ? -1 : low;
    }

    static long fee(long notional, int bps) {
        long scaled = product(notional, bps);
        if (scaled >= 0) {
            return scaled / 10_000;
        }
        return big(notional).multiply(big(bps)).divide(TEN_THOUSAND).longValueExact();
    }

    /** price × lots × quotePerTickLot, or -1 when it does not fit a long. */
    static long notional(RMarket m, long price, long lots) {
        long pq = product(price, lots);
        return pq < 0 ? -1 : product(pq, m.quotePerTickLot);
    }

    static long buyReservation(RMarket m, long price, long lots, int bps) {
        long n = notional(m, price, lots);
        if (n < 0) {
            return -1;
        }
        long r = n + fee(n, bps);
        return r < 0 ? -1 : r;
    }

    static long need(RMarket m, ROrder o) {
        if (o.side == Side.SELL) {
            return o.remaining() * m.basePerLot;
        }
        return o.price > 0 ? buyReservation(m, o.price, o.remaining(), Math.max(o.makerBps, o.takerBps)) : 0;
    }

    long bandWidth(RMarket m) {
        return fee(m.reference, m.bandBps);
    }

    long bandLow(RMarket m) {
        return m.bandBps == 0 || m.reference == 0 ? 1 : Math.max(1, m.reference - bandWidth(m));
    }

    long bandHigh(RMarket m) {
        return m.bandBps == 0 || m.reference == 0 ? Long.MAX_VALUE : m.reference + bandWidth(m);
    }

    long total(long account, int asset) {
        long[] t = totals.get(account);
        return t == null ? 0 : t[asset];
    }

    long reservedOf(long account, int asset) {
        long[] r = reserved.get(account);
        return r == null ? 0 : r[asset];
    }

    long available(long account, int asset) {
        return total(account, asset) - reservedOf(account, asset);
    }

    private void ensureAccount(long account) {
        totals.computeIfAbsent(account, a -> new long[16]);
        reserved.computeIfAbsent(account, a -> new long[16]);
    }

    private void addTotal(long account, int asset, long amount) {
        ensureAccount(account);
        totals.get(account)[asset] += amount;
    }

    private void addReserved(long account, int asset, long amount) {
        ensureAccount(account);
        reserved.get(account)[asset] += amount;
    }

    private int[] tier(long account) {
        return tiers.get(tierOf.getOrDefault(account, 0));
    }

    // ------------------------------------------------------------------ orders

    private static boolean pricedType(OrderType t) {
        return t == OrderType.LIMIT || t == OrderType.STOP_LIMIT;
    }

    private static boolean stopType(OrderType t) {
        return t == OrderType.STOP_LIMIT || t == OrderType.STOP_MARKET;
    }

    private String sizing(RMarket m, long quantity, long sizingPrice) {
        if (quantity <= 0) {
            return "INVALID_QUANTITY";
        }
        if (quantity < m.minQuantity) {
            return "QUANTITY_TOO_SMALL";
        }
        if ((m.maxQuantity > 0 && quantity > m.maxQuantity) || product(quantity, m.basePerLot) < 0) {
            return "QUANTITY_TOO_LARGE";
        }
        if (sizingPrice > 0) {
            long n = notional(m, sizingPrice, quantity);
            if (n < 0 || (m.maxNotional > 0 && n > m.maxNotional)) {
                return "NOTIONAL_TOO_LARGE";
            }
        }
        return null;
    }

    private String place(PlaceOrder c) {
        String code = checkPlace(c);
        if (code != null) {
            return code;
        }
        RMarket m = markets.get(c.instrumentId());
        ensureAccount(c.accountId());
        int[] t = tier(c.accountId());
        ROrder o = new ROrder();
        o.id = sequence;
        o.account = c.accountId();
        o.instrument = m.id;
        o.side = c.side();
        o.type = c.type();
        o.tif = c.timeInForce();
        o.price = c.price();
        o.stopPrice = c.stopPrice();
        o.quantity = c.quantity();
        o.makerBps = t[0];
        o.takerBps = t[1];
        subject = o;
        long need = need(m, o);
        addReserved(o.account, o.side == Side.BUY ? m.quote : m.base, need);
        if (stopType(o.type)) {
            o.pending = true;
            m.stops.add(o);
            open.put(o.id, o);
        } else {
            execute(m, o);
        }
        triggerStops(m);
        return null;
    }

    private String checkPlace(PlaceOrder c) {
        if (c.side() == null || c.type() == null || c.timeInForce() == null) {
            return "INVALID_ORDER";
        }
        if (c.accountId() <= 0) {
            return "INVALID_ACCOUNT";
        }
        if (c.instrumentId() < 0 || c.instrumentId() >= markets.size()) {
            return "UNKNOWN_INSTRUMENT";
        }
        RMarket m = markets.get(c.instrumentId());
        if (m.halted) {
            return "INSTRUMENT_HALTED";
        }
        OrderType type = c.type();
        TimeInForce tif = c.timeInForce();
        boolean tifOk = switch (type) {
            case LIMIT -> true;
            case STOP_LIMIT -> tif != TimeInForce.POST_ONLY;
            case MARKET, STOP_MARKET -> tif == TimeInForce.IOC || tif == TimeInForce.FOK;
        };
        if (!tifOk) {
            return "INVALID_TIME_IN_FORCE";
        }
        boolean priced = pricedType(type);
        if (priced ? c.price() <= 0 : c.price() != 0) {
            return "INVALID_PRICE";
        }
        if (stopType(type) ? c.stopPrice() <= 0 : c.stopPrice() != 0) {
            return "INVALID_STOP_PRICE";
        }
        String sizing = sizing(m, c.quantity(), priced ? c.price() : c.stopPrice());
        if (sizing != null) {
            return sizing;
        }
        if (type == OrderType.LIMIT && (c.price() < bandLow(m) || c.price() > bandHigh(m))) {
            return "PRICE_OUT_OF_BAND";
        }
        int[] t = tier(c.accountId());
        if (c.side() == Side.SELL) {
            if (available(c.accountId(), m.base) < c.quantity() * m.basePerLot) {
                return "INSUFFICIENT_FUNDS";
            }
        } else if (priced) {
            long r = buyReservation(m, c.price(), c.quantity(), Math.max(t[0], t[1]));
            if (r < 0) {
                return "NOTIONAL_TOO_LARGE";
            }
            if (available(c.accountId(), m.quote) < r) {
                return "INSUFFICIENT_FUNDS";
            }
        } else if (type == OrderType.MARKET && !m.asks.isEmpty()) {
            long ask = m.asks.firstKey();
            if (ask <= bandHigh(m) && available(c.accountId(), m.quote) < cost(m, ask, 1, t[1])) {
                return "INSUFFICIENT_FUNDS";
            }
        }
        if (tif == TimeInForce.POST_ONLY && crosses(m, c.side(), c.price())) {
            return "POST_ONLY_WOULD_TAKE";
        }
        if (tif == TimeInForce.FOK && !stopType(type)) {
            long limit = takerLimit(m, c.side(), c.price());
            long budget = c.side() == Side.BUY && !priced ? available(c.accountId(), m.quote) : Long.MAX_VALUE;
            if (fillable(m, c.side(), limit, c.quantity(), c.accountId(), budget, t[1]) < c.quantity()) {
                return "FOK_NOT_FILLABLE";
            }
        }
        return null;
    }

    private long takerLimit(RMarket m, Side side, long price) {
        if (price > 0) {
            return price;
        }
        return side == Side.BUY ? bandHigh(m) : bandLow(m);
    }

    private static boolean acceptable(Side takerSide, long makerPrice, long limit) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    private boolean crosses(RMarket m, Side side, long price) {
        NavigableMap<Long, List<ROrder>> opposite = side == Side.BUY ? m.asks : m.bids;
        return !opposite.isEmpty() && acceptable(side, opposite.firstKey(), price);
    }

    static long cost(RMarket m, long price, long lots, int takerBps) {
        long n = notional(m, price, lots);
        return n + fee(n, takerBps);
    }

    /** Largest lots ≤ want affordable with budget (budget Long.MAX_VALUE = unlimited). */
    private static long affordable(RMarket m, long price, long want, long budget, int takerBps) {
        if (budget == Long.MAX_VALUE) {
            return want;
        }
        long low = 0;
        long high = want;
        while (low < high) {
            long mid = (low + high + 1) / 2;
            long n = notional(m, price, mid);
            if (n >= 0 && cost(m, price, mid, takerBps) <= budget) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private long fillable(RMarket m, Side side, long limit, long quantity, long account, long budget, int takerBps) {
        NavigableMap<Long, List<ROrder>> opposite = side == Side.BUY ? m.asks : m.bids;
        long left = quantity;
        for (Map.Entry<Long, List<ROrder>> level : opposite.entrySet()) {
            if (!acceptable(side, level.getKey(), limit) || left == 0) {
                break;
            }
            for (ROrder maker : level.getValue()) {
                if (left == 0) {
                    break;
                }
                if (maker.account == account) {
                    return quantity - left;
                }
                long want = Math.min(left, maker.remaining());
                long q = affordable(m, level.getKey(), want, budget, takerBps);
                left -= q;
                if (budget != Long.MAX_VALUE) {
                    budget -= q == 0 ? 0 : cost(m, level.getKey(), q, takerBps);
                }
                if (q < want) {
                    return quantity - left;
                }
            }
        }
        return quantity - left;
    }

    private void execute(RMarket m, ROrder o) {
        long limit = takerLimit(m, o.side, o.price);
        boolean marketBuy = o.side == Side.BUY && o.price == 0;
        if (o.tif == TimeInForce.FOK && stopType(o.type)) {
            long budget = marketBuy ? available(o.account, m.quote) : Long.MAX_VALUE;
            if (fillable(m, o.side, limit, o.remaining(), o.account, budget, o.takerBps) < o.remaining()) {
                expire(m, o);
                return;
            }
        }
        long budget = marketBuy ? available(o.account, m.quote) : Long.MAX_VALUE;
        NavigableMap<Long, List<ROrder>> opposite = o.side == Side.BUY ? m.asks : m.bids;
        String stop = "NO_LIQUIDITY";
        outer:
        while (o.remaining() > 0 && !opposite.isEmpty()) {
            Map.Entry<Long, List<ROrder>> level = opposite.firstEntry();
            long price = level.getKey();
            if (!acceptable(o.side, price, limit)) {
                break;
            }
            Iterator<ROrder> it = level.getValue().iterator();
            while (it.hasNext() && o.remaining() > 0) {
                ROrder maker = it.next();
                if (maker.account == o.account) {
                    stop = "SELF_TRADE";
                    break outer;
                }
                long want = Math.min(o.remaining(), maker.remaining());
                long q = affordable(m, price, want, budget, o.takerBps);
                if (q == 0) {
                    stop = "BUDGET";
                    break outer;
                }
                if (budget != Long.MAX_VALUE) {
                    budget -= cost(m, price, q, o.takerBps);
                }
                trade(m, maker, o, price, q);
                if (maker.remaining() == 0) {
                    it.remove();
                    open.remove(maker.id);
                    if (maker == subject) {
                        subjectFinal = "FILLED";
                    }
                }
                if (q < want) {
                    stop = "BUDGET";
                    if (level.getValue().isEmpty()) {
                        opposite.remove(price);
                    }
                    break outer;
                }
            }
            if (level.getValue().isEmpty()) {
                opposite.remove(price);
            }
        }
        if (o.remaining() == 0) {
            open.remove(o.id);
            if (o == subject) {
                subjectFinal = "FILLED";
            }
        } else if (stop.equals("SELF_TRADE")) {
            expire(m, o);
        } else if (o.price > 0 && (o.tif == TimeInForce.GTC || o.tif == TimeInForce.POST_ONLY)) {
            (o.side == Side.BUY ? m.bids : m.asks).computeIfAbsent(o.price, p -> new ArrayList<>()).add(o);
            open.put(o.id, o);
        } else {
            expire(m, o);
        }
    }

    private void expire(RMarket m, ROrder o) {
        addReserved(o.account, o.side == Side.BUY ? m.quote : m.base, -need(m, o));
        open.remove(o.id);
        if (o == subject) {
            subjectFinal = "EXPIRED";
        }
    }

    private void trade(RMarket m, ROrder maker, ROrder taker, long price, long q) {
        long n = notional(m, price, q);
        long makerFee = fee(n, maker.makerBps);
        long takerFee = fee(n, taker.takerBps);
        ROrder buyer = taker.side == Side.BUY ? taker : maker;
        ROrder seller = buyer == taker ? maker : taker;
        long buyerFee = buyer == taker ? takerFee : makerFee;
        long sellerFee = seller == taker ? takerFee : makerFee;
        long needBefore = need(m, buyer);
        maker.filled += q;
        taker.filled += q;
        long needAfter = need(m, buyer);
        addReserved(buyer.account, m.quote, -(needBefore - needAfter));
        addTotal(buyer.account, m.quote, -(n + buyerFee));
        addTotal(buyer.account, m.base, q * m.basePerLot);
        addTotal(seller.account, m.base, -q * m.basePerLot);
        addReserved(seller.account, m.base, -q * m.basePerLot);
        addTotal(seller.account, m.quote, n - sellerFee);
        addTotal(FEE_ACCOUNT, m.quote, makerFee + takerFee);
        m.marketPrice = price;
        trades.add(new Trade(++tradeId, m.id, price, q, maker.id, maker.account, makerFee, taker.id, taker.account, takerFee));
    }

    private void triggerStops(RMarket m) {
        while (!m.halted && m.marketPrice > 0) {
            ROrder next = null;
            for (ROrder s : m.stops) {
                if (s.side == Side.BUY && s.stopPrice <= m.marketPrice
                        && (next == null || s.stopPrice < next.stopPrice || (s.stopPrice == next.stopPrice && s.id < next.id))) {
                    next = s;
                }
            }
            if (next == null) {
                for (ROrder s : m.stops) {
                    if (s.side == Side.SELL && s.stopPrice >= m.marketPrice
                            && (next == null || s.stopPrice > next.stopPrice || (s.stopPrice == next.stopPrice && s.id < next.id))) {
                        next = s;
                    }
                }
            }
            if (next == null) {
                return;
            }
            m.stops.remove(next);
            next.pending = false;
            execute(m, next);
        }
    }

    private String cancel(CancelOrder c) {
        ROrder o = open.get(c.orderId());
        if (o == null || o.account != c.accountId()) {
            return o == null && c.orderId() >= 1 && c.orderId() < sequence ? "ORDER_NOT_OPEN" : "UNKNOWN_ORDER";
        }
        RMarket m = markets.get(o.instrument);
        subject = o;
        removeFromBook(m, o);
        addReserved(o.account, o.side == Side.BUY ? m.quote : m.base, -need(m, o));
        open.remove(o.id);
        subjectFinal = "CANCELLED";
        return null;
    }

    private void removeFromBook(RMarket m, ROrder o) {
        if (o.pending) {
            m.stops.remove(o);
            return;
        }
        TreeMap<Long, List<ROrder>> side = o.side == Side.BUY ? m.bids : m.asks;
        List<ROrder> level = side.get(o.price);
        level.remove(o);
        if (level.isEmpty()) {
            side.remove(o.price);
        }
    }

    private String replace(ReplaceOrder c) {
        ROrder o = open.get(c.orderId());
        if (o == null || o.account != c.accountId()) {
            return o == null && c.orderId() >= 1 && c.orderId() < sequence ? "ORDER_NOT_OPEN" : "UNKNOWN_ORDER";
        }
        RMarket m = markets.get(o.instrument);
        if (o.pending) {
            return "ORDER_NOT_REPLACEABLE";
        }
        if (m.halted) {
            return "INSTRUMENT_HALTED";
        }
        if (c.newPrice() < 0) {
            return "INVALID_PRICE";
        }
        long newPrice = c.newPrice() == 0 ? o.price : c.newPrice();
        long newQuantity = c.newQuantity() == 0 ? o.quantity : c.newQuantity();
        if (c.newQuantity() < 0 || newQuantity <= o.filled) {
            return "INVALID_QUANTITY";
        }
        String sizing = sizing(m, newQuantity, newPrice);
        if (sizing != null) {
            return sizing;
        }
        boolean priceChanged = newPrice != o.price;
        if (priceChanged && (newPrice < bandLow(m) || newPrice > bandHigh(m))) {
            return "PRICE_OUT_OF_BAND";
        }
        long oldNeed = need(m, o);
        long newRemaining = newQuantity - o.filled;
        if (o.side == Side.BUY) {
            long r = buyReservation(m, newPrice, newRemaining, Math.max(o.makerBps, o.takerBps));
            if (r < 0) {
                return "NOTIONAL_TOO_LARGE";
            }
            if (r - oldNeed > available(o.account, m.quote)) {
                return "INSUFFICIENT_FUNDS";
            }
        } else if ((newRemaining - o.remaining()) * m.basePerLot > available(o.account, m.base)) {
            return "INSUFFICIENT_FUNDS";
        }
        if (priceChanged && o.tif == TimeInForce.POST_ONLY && crosses(m, o.side, newPrice)) {
            return "POST_ONLY_WOULD_TAKE";
        }
        subject = o;
        int asset = o.side == Side.BUY ? m.quote : m.base;
        boolean keep = !priceChanged && newQuantity <= o.quantity;
        if (keep) {
            o.quantity = newQuantity;
            addReserved(o.account, asset, need(m, o) - oldNeed);
        } else {
            removeFromBook(m, o);
            open.remove(o.id);
            o.price = newPrice;
            o.quantity = newQuantity;
            addReserved(o.account, asset, need(m, o) - oldNeed);
            execute(m, o);
        }
        triggerStops(m);
        return null;
    }

    private static String liveStatus(ROrder o) {
        if (o.pending) {
            return "PENDING_TRIGGER";
        }
        return o.filled == 0 ? "NEW" : "PARTIALLY_FILLED";
    }

    // ------------------------------------------------------------------ money and admin

    private String checkMoney(String reference, long account, int asset, boolean amountOk) {
        if (reference == null || reference.isEmpty()) {
            return "INVALID_REFERENCE";
        }
        if (account < 0) {
            return "INVALID_ACCOUNT";
        }
        if (asset < 0 || asset >= assets.size()) {
            return "UNKNOWN_ASSET";
        }
        return amountOk ? null : "INVALID_AMOUNT";
    }

    long supply(int asset) {
        long sum = 0;
        for (long[] t : totals.values()) {
            sum += t[asset];
        }
        return sum;
    }

    /** Credit (amount > 0) or adjustment (signed, non-zero). */
    private String credit(String reference, String kind, long account, int asset, long amount) {
        String code = checkMoney(reference, account, asset, kind.equals("CREDIT") ? amount > 0 : amount != 0);
        if (code != null) {
            return code;
        }
        Money previous = money.get(reference);
        if (previous != null) {
            return previous.equals(new Money(kind, account, asset, amount, previous.totalAfter(), previous.reservedAfter()))
                    ? null : "DUPLICATE_REFERENCE";
        }
        if (amount < 0 && available(account, asset) < -amount) {
            return "INSUFFICIENT_FUNDS";
        }
        if (amount > 0 && supply(asset) + amount < 0) {
            return "BALANCE_OVERFLOW";
        }
        addTotal(account, asset, amount);
        money.put(reference, new Money(kind, account, asset, amount, total(account, asset), reservedOf(account, asset)));
        return null;
    }

    private String hold(HoldWithdrawal c) {
        String code = checkMoney(c.reference(), c.accountId(), c.assetId(), c.amount() > 0);
        if (code != null) {
            return code;
        }
        Money previous = money.get(c.reference());
        if (previous != null) {
            return previous.kind().equals("HOLD") && previous.account() == c.accountId() && previous.asset() == c.assetId()
                    && previous.amount() == c.amount() ? null : "DUPLICATE_REFERENCE";
        }
        if (!totals.containsKey(c.accountId()) || available(c.accountId(), c.assetId()) < c.amount()) {
            return "INSUFFICIENT_FUNDS";
        }
        addReserved(c.accountId(), c.assetId(), c.amount());
        money.put(c.reference(), new Money("HOLD", c.accountId(), c.assetId(), c.amount(),
                total(c.accountId(), c.assetId()), reservedOf(c.accountId(), c.assetId())));
        holds.put(c.reference(), new Hold());
        return null;
    }

    private String settle(String reference, String outcome) {
        if (reference == null || reference.isEmpty()) {
            return "INVALID_REFERENCE";
        }
        Money m = money.get(reference);
        Hold h = holds.get(reference);
        if (m == null || h == null) {
            return "UNKNOWN_REFERENCE";
        }
        if (h.state.equals(outcome)) {
            return null;
        }
        if (!h.state.equals("HELD")) {
            return "WITHDRAWAL_NOT_HELD";
        }
        addReserved(m.account(), m.asset(), -m.amount());
        if (outcome.equals("CONFIRMED")) {
            addTotal(m.account(), m.asset(), -m.amount());
        }
        h.state = outcome;
        return null;
    }

    /** Reserved by held withdrawals per account and asset. */
    long held(long account, int asset) {
        long sum = 0;
        for (Map.Entry<String, Hold> e : holds.entrySet()) {
            Money m = money.get(e.getKey());
            if (e.getValue().state.equals("HELD") && m.account() == account && m.asset() == asset) {
                sum += m.amount();
            }
        }
        return sum;
    }

    private String referencePrice(UpdateReferencePrice c) {
        if (c.instrumentId() < 0 || c.instrumentId() >= markets.size()) {
            return "UNKNOWN_INSTRUMENT";
        }
        if (c.price() <= 0) {
            return "INVALID_PRICE";
        }
        RMarket m = markets.get(c.instrumentId());
        m.reference = c.price();
        m.marketPrice = c.price();
        triggerStops(m);
        return null;
    }

    private String status(SetInstrumentStatus c) {
        if (c.instrumentId() < 0 || c.instrumentId() >= markets.size()) {
            return "UNKNOWN_INSTRUMENT";
        }
        RMarket m = markets.get(c.instrumentId());
        m.halted = c.status() == InstrumentStatus.HALTED;
        triggerStops(m);
        return null;
    }

    private String feeTier(ConfigureFeeTier c) {
        if (c.tier() < 0 || c.makerBps() < 0 || c.makerBps() > 10_000 || c.takerBps() < 0 || c.takerBps() > 10_000) {
            return "INVALID_FEE";
        }
        tiers.put(c.tier(), new int[] {c.makerBps(), c.takerBps()});
        return null;
    }

    private String accountTier(SetAccountFeeTier c) {
        if (c.accountId() <= 0) {
            return "INVALID_ACCOUNT";
        }
        if (!tiers.containsKey(c.tier())) {
            return "UNKNOWN_FEE_TIER";
        }
        ensureAccount(c.accountId());
        tierOf.put(c.accountId(), c.tier());
        return null;
    }

    private String limits(ConfigureRiskLimits c) {
        if (c.instrumentId() < 0 || c.instrumentId() >= markets.size()) {
            return "UNKNOWN_INSTRUMENT";
        }
        if (c.priceBandBps() < 0 || c.priceBandBps() > 10_000 || c.maxQuantity() < 0 || c.maxNotional() < 0) {
            return "INVALID_RISK_LIMITS";
        }
        RMarket m = markets.get(c.instrumentId());
        m.bandBps = c.priceBandBps();
        m.maxQuantity = c.maxQuantity();
        m.maxNotional = c.maxNotional();
        return null;
    }
}
