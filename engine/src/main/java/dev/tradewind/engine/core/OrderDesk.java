package dev.tradewind.engine.core;

import dev.tradewind.engine.book.Budget;
import dev.tradewind.engine.book.MatchListener;
import dev.tradewind.engine.book.MatchStop;
import dev.tradewind.engine.book.Order;
import dev.tradewind.engine.book.OrderBook;
import dev.tradewind.engine.book.StopOrder;
import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.command.ReplaceOrder;
import dev.tradewind.engine.event.BookLevelChanged;
import dev.tradewind.engine.event.ExpiryReason;
import dev.tradewind.engine.event.OrderAccepted;
import dev.tradewind.engine.event.OrderCancelled;
import dev.tradewind.engine.event.OrderExpired;
import dev.tradewind.engine.event.OrderRejected;
import dev.tradewind.engine.event.OrderReplaced;
import dev.tradewind.engine.event.StopTriggered;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.Fill;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.risk.Account;
import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.engine.risk.Fees;
import dev.tradewind.engine.risk.RiskLimits;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies order commands: pre-trade checks, reservations, matching, settlement of every fill, stop
 * triggering. Each command first runs all of its checks without touching state, so a rejection
 * leaves the engine exactly as it was.
 *
 * <p>Policies:
 * <ul>
 * <li><b>Self-trade prevention</b>: expire taker (see {@link OrderBook}).</li>
 * <li><b>Stops</b> watch the instrument's market price: the most recent of the last trade price and
 * the reference price (UpdateReferencePrice). A buy stop fires when that price is at or above its
 * stop price, a sell stop at or below; lowest buy stop / highest sell stop first, oldest first at
 * equal prices, buys before sells. One stop is processed at a time and its trades can fire further
 * stops (evaluated after each triggered order, never in the middle of a sweep). A stop whose
 * condition already holds when placed fires at once. Stops do not fire while the instrument is
 * halted; resuming fires those the price crossed meanwhile.</li>
 * <li><b>Reservations</b>: a sell reserves its base quantity; a priced buy (limit, stop-limit)
 * reserves notional at its limit price plus the fee at the higher of its maker/taker rates. Fee
 * rates are frozen per order when it is placed. A market buy and a pending stop-market buy reserve
 * nothing.</li>
 * <li><b>Market buys</b> (also triggered stop-market buys) are bounded by available quote: level by
 * level they take the largest quantity whose notional plus taker fee the account can still pay; the
 * rest expires with FUNDS_EXHAUSTED. One that cannot pay for a single lot at the best ask is
 * rejected INSUFFICIENT_FUNDS. Market orders never trade beyond the price band edge.</li>
 * <li><b>Settlement</b> happens at the maker's price with fees in the quote asset: the buyer pays
 * notional plus fee, the seller receives notional minus fee, the fee account receives both, so
 * trading never changes the sum of any asset over all accounts.</li>
 * </ul>
 */
final class OrderDesk implements MatchListener {
    private final EngineState state;
    private final EventEmitter events;
    private final OrderPool pool = new OrderPool();
    private final QuoteBudget budget = new QuoteBudget();

    /** The market and taker being matched, read by the {@link MatchListener} callbacks. */
    private Market market;
    private Order taker;

    /** The order the current command is about: its fills and its state when it closed. */
    private long subjectId;
    private OrderSnapshot subjectClosed;
    private List<Fill> subjectFills;

    OrderDesk(EngineState state, EventEmitter events) {
        this.state = state;
        this.events = events;
    }

    // ------------------------------------------------------------------ place

    OrderResult place(PlaceOrder c) {
        long id = events.sequence;
        Market m = state.market(c.instrumentId());
        RejectCode code = checkPlace(c, m);
        if (code != null) {
            events.emit(new OrderRejected(events.sequence, events.timestamp, id, c.accountId(), c.instrumentId(),
                    c.clientOrderId(), code));
            OrderSnapshot rejected = new OrderSnapshot(id, c.accountId(), c.instrumentId(), c.clientOrderId(), c.side(),
                    c.type(), c.timeInForce(), c.price(), c.stopPrice(), c.quantity(), 0, 0, OrderStatus.REJECTED, code, 0);
            return new OrderResult(events.sequence, code, rejected, List.of());
        }
        beginSubject(id);
        Account account = checkedAccount != null ? checkedAccount : state.accountOrCreate(c.accountId());
        FeeTier tier = checkedTier;
        checkedAccount = null;
        boolean stop = c.type().isStop();
        Order order = stop ? new StopOrder(c.stopPrice()) : pool.take();
        order.init(id, account, c.side(), c.type(), c.timeInForce(), c.price(), c.quantity(), c.clientOrderId(),
                tier.makerBps(), tier.takerBps());
        events.emit(new OrderAccepted(events.sequence, events.timestamp, id, account.id(), m.id, c.side(), c.type(),
                c.timeInForce(), c.price(), c.stopPrice(), c.quantity(), c.clientOrderId(),
                stop ? OrderStatus.PENDING_TRIGGER : OrderStatus.NEW));
        reserve(m, order);
        if (stop) {
            m.stops.add((StopOrder) order);
            state.orders.put(id, order);
        } else {
            execute(m, order);
            if (order.isResting()) {
                state.orders.put(id, order);
            }
        }
        triggerStops(m);
        return finishSubject(m, order);
    }

    private RejectCode checkPlace(PlaceOrder c, Market m) {
        checkedAccount = null;
        Side side = c.side();
        OrderType type = c.type();
        TimeInForce tif = c.timeInForce();
        if (side == null || type == null || tif == null) {
            return RejectCode.INVALID_ORDER;
        }
        if (c.accountId() <= EngineState.FEE_ACCOUNT_ID) {
            return RejectCode.INVALID_ACCOUNT;
        }
        if (m == null) {
            return RejectCode.UNKNOWN_INSTRUMENT;
        }
        if (!m.isTrading()) {
            return RejectCode.INSTRUMENT_HALTED;
        }
        if (!timeInForceAllowed(type, tif)) {
            return RejectCode.INVALID_TIME_IN_FORCE;
        }
        boolean priced = type.isPriced();
        if (priced ? c.price() <= 0 : c.price() != 0) {
            return RejectCode.INVALID_PRICE;
        }
        if (type.isStop() ? c.stopPrice() <= 0 : c.stopPrice() != 0) {
            return RejectCode.INVALID_STOP_PRICE;
        }
        long quantity = c.quantity();
        Instrument instrument = m.instrument;
        RejectCode sizing = checkSize(m, quantity, priced ? c.price() : c.stopPrice());
        if (sizing != null) {
            return sizing;
        }
        RiskLimits limits = m.limits;
        if (type == OrderType.LIMIT && outOfBand(m, c.price())) {
            return RejectCode.PRICE_OUT_OF_BAND;
        }
        Account account = state.account(c.accountId());
        FeeTier tier = state.feeTierOf(account);
        checkedAccount = account;
        checkedTier = tier;
        if (side == Side.SELL) {
            if (available(account, m.baseAsset) < quantity * instrument.basePerLot()) {
                return RejectCode.INSUFFICIENT_FUNDS;
            }
        } else if (priced) {
            long reservation = Fees.buyReservation(instrument.notional(c.price(), quantity), tier.reserveBps());
            if (reservation < 0) {
                return RejectCode.NOTIONAL_TOO_LARGE;
            }
            if (available(account, m.quoteAsset) < reservation) {
                return RejectCode.INSUFFICIENT_FUNDS;
            }
        } else if (type == OrderType.MARKET) {
            long ask = m.book.bestAsk();
            if (ask != OrderBook.NO_PRICE && ask <= limits.bandHigh(m.referencePrice)
                    && available(account, m.quoteAsset) < QuoteBudget.cost(ask, 1, instrument.quotePerTickLot(), tier.takerBps())) {
                return RejectCode.INSUFFICIENT_FUNDS;
            }
        }
        if (tif == TimeInForce.POST_ONLY && m.book.crosses(side, c.price())) {
            return RejectCode.POST_ONLY_WOULD_TAKE;
        }
        if (tif == TimeInForce.FOK && !type.isStop()) {
            long limit = takerLimit(m, side, c.price());
            Budget fokBudget = side == Side.BUY && !priced
                    ? new QuoteBudget().reset(available(account, m.quoteAsset), instrument.quotePerTickLot(), tier.takerBps())
                    : Budget.UNLIMITED;
            if (m.book.matchable(side, limit, quantity, account, fokBudget) < quantity) {
                return RejectCode.FOK_NOT_FILLABLE;
            }
        }
        return null;
    }

    /** Quantity bounds and notional (at {@code sizingPrice}, skipped when 0) for a new or replaced order. */
    private static RejectCode checkSize(Market m, long quantity, long sizingPrice) {
        if (quantity <= 0) {
            return RejectCode.INVALID_QUANTITY;
        }
        Instrument instrument = m.instrument;
        if (quantity < instrument.minQuantity()) {
            return RejectCode.QUANTITY_TOO_SMALL;
        }
        RiskLimits limits = m.limits;
        if ((limits.maxQuantity() > 0 && quantity > limits.maxQuantity())
                || Math.multiplyHigh(quantity, instrument.basePerLot()) != 0 || quantity * instrument.basePerLot() < 0) {
            return RejectCode.QUANTITY_TOO_LARGE;
        }
        if (sizingPrice > 0) {
            long notional;
            try {
                notional = instrument.notional(sizingPrice, quantity);
            } catch (ArithmeticException e) {
                return RejectCode.NOTIONAL_TOO_LARGE;
            }
            if (limits.maxNotional() > 0 && notional > limits.maxNotional()) {
                return RejectCode.NOTIONAL_TOO_LARGE;
            }
        }
        return null;
    }

    private static boolean timeInForceAllowed(OrderType type, TimeInForce tif) {
        return switch (type) {
            case LIMIT -> true;
            case STOP_LIMIT -> tif != TimeInForce.POST_ONLY;
            case MARKET, STOP_MARKET -> tif == TimeInForce.IOC || tif == TimeInForce.FOK;
        };
    }

    private static boolean outOfBand(Market m, long price) {
        return price < m.limits.bandLow(m.referencePrice) || price > m.limits.bandHigh(m.referencePrice);
    }

    /** Worst price a taker accepts: its limit, or for market orders the edge of the price band. */
    private static long takerLimit(Market m, Side side, long price) {
        if (price > 0) {
            return price;
        }
        return side == Side.BUY ? m.limits.bandHigh(m.referencePrice) : m.limits.bandLow(m.referencePrice);
    }

    private static long available(Account account, int asset) {
        return account == null ? 0 : account.available(asset);
    }

    // ------------------------------------------------------------------ cancel

    OrderResult cancel(CancelOrder c) {
        Order order = state.orders.get(c.orderId());
        if (order == null || order.account().id() != c.accountId()) {
            return rejected(unknownOrNotOpen(order, c.orderId()), null);
        }
        Market m = state.market(order.instrumentId());
        beginSubject(order.id());
        events.emit(new OrderCancelled(events.sequence, events.timestamp, order.id(), c.accountId(), m.id,
                order.filled(), order.remaining()));
        market = m;
        if (order.isResting()) {
            m.book.remove(order, this);
        } else {
            m.stops.remove(order);
        }
        releaseRemaining(m, order);
        close(order, OrderStatus.CANCELLED);
        return finishSubject(m, order);
    }

    private RejectCode unknownOrNotOpen(Order order, long orderId) {
        // Closed orders are forgotten, so any past sequence counts as "not open"; the app, which
        // keeps every order, can tell a closed order from a foreign or invented id.
        return order == null && orderId >= 1 && orderId < events.sequence ? RejectCode.ORDER_NOT_OPEN : RejectCode.UNKNOWN_ORDER;
    }

    // ------------------------------------------------------------------ replace

    OrderResult replace(ReplaceOrder c) {
        Order order = state.orders.get(c.orderId());
        if (order == null || order.account().id() != c.accountId()) {
            return rejected(unknownOrNotOpen(order, c.orderId()), null);
        }
        Market m = state.market(order.instrumentId());
        long oldPrice = order.price();
        long oldQuantity = order.quantity();
        long newPrice = c.newPrice() == 0 ? oldPrice : c.newPrice();
        long newQuantity = c.newQuantity() == 0 ? oldQuantity : c.newQuantity();
        long oldReservation = reservation(m.instrument, order);
        RejectCode code = checkReplace(c, m, order, newPrice, newQuantity, oldReservation);
        if (code != null) {
            return rejected(code, snapshot(m, order, liveStatus(order), null));
        }
        long newReservation = checkedReservation;
        boolean keepsPriority = newPrice == oldPrice && newQuantity <= oldQuantity;
        beginSubject(order.id());
        market = m;
        events.emit(new OrderReplaced(events.sequence, events.timestamp, order.id(), c.accountId(), m.id, newPrice,
                newQuantity, keepsPriority));
        Account account = order.account();
        int asset = order.isBuy() ? m.quoteAsset : m.baseAsset;
        if (keepsPriority) {
            if (newQuantity < oldQuantity) {
                m.book.reduce(order, newQuantity, this);
            }
            adjustReservation(account, asset, oldReservation, newReservation);
        } else {
            m.book.remove(order, this);
            order.amend(newPrice, newQuantity);
            adjustReservation(account, asset, oldReservation, newReservation);
            execute(m, order);
        }
        triggerStops(m);
        return finishSubject(m, order);
    }

    /** Looked up once by {@link #checkPlace} for {@link #place} (account null when it does not exist yet). */
    private Account checkedAccount;
    private FeeTier checkedTier;

    /** The reservation a replace will need, computed once by {@link #checkReplace}. */
    private long checkedReservation;

    private RejectCode checkReplace(ReplaceOrder c, Market m, Order order, long newPrice, long newQuantity, long oldReservation) {
        if (order.isPendingTrigger()) {
            return RejectCode.ORDER_NOT_REPLACEABLE;
        }
        if (!m.isTrading()) {
            return RejectCode.INSTRUMENT_HALTED;
        }
        if (c.newPrice() < 0) {
            return RejectCode.INVALID_PRICE;
        }
        if (c.newQuantity() < 0 || newQuantity <= order.filled()) {
            return RejectCode.INVALID_QUANTITY;
        }
        RejectCode sizing = checkSize(m, newQuantity, newPrice);
        if (sizing != null) {
            return sizing;
        }
        boolean priceChanged = newPrice != order.price();
        if (priceChanged && outOfBand(m, newPrice)) {
            return RejectCode.PRICE_OUT_OF_BAND;
        }
        Account account = order.account();
        long newRemaining = newQuantity - order.filled();
        if (order.isBuy()) {
            long newReservation = Fees.buyReservation(m.instrument.notional(newPrice, newRemaining), order.reserveFeeBps());
            if (newReservation < 0) {
                return RejectCode.NOTIONAL_TOO_LARGE;
            }
            if (newReservation - oldReservation > account.available(m.quoteAsset)) {
                return RejectCode.INSUFFICIENT_FUNDS;
            }
            checkedReservation = newReservation;
        } else {
            long newReservation = newRemaining * m.instrument.basePerLot();
            if (newReservation - oldReservation > account.available(m.baseAsset)) {
                return RejectCode.INSUFFICIENT_FUNDS;
            }
            checkedReservation = newReservation;
        }
        if (priceChanged && order.timeInForce() == TimeInForce.POST_ONLY && m.book.crosses(order.side(), newPrice)) {
            return RejectCode.POST_ONLY_WOULD_TAKE;
        }
        return null;
    }

    private void adjustReservation(Account account, int asset, long before, long after) {
        if (after > before) {
            account.reserve(asset, after - before);
        } else if (after < before) {
            account.release(asset, before - after);
        } else {
            return;
        }
        events.balance(account, asset);
    }

    // ------------------------------------------------------------------ stops and prices

    /** Called after the reference price moved or trading resumed. */
    void marketPriceMoved(Market m) {
        beginSubject(0);
        triggerStops(m);
    }

    private void triggerStops(Market m) {
        if (!m.isTrading()) {
            return;
        }
        StopOrder stop;
        while ((stop = m.stops.nextTriggered(m.marketPrice)) != null) {
            m.stops.remove(stop);
            events.emit(new StopTriggered(events.sequence, events.timestamp, stop.id(), stop.account().id(), m.id,
                    stop.stopPrice(), m.marketPrice));
            execute(m, stop);
        }
    }

    // ------------------------------------------------------------------ execution

    /** Runs an unlisted, reserved order as a taker, then rests, expires or closes what is left. */
    private void execute(Market m, Order order) {
        market = m;
        Side side = order.side();
        long limit = takerLimit(m, side, order.price());
        Account account = order.account();
        Instrument instrument = m.instrument;
        boolean marketBuy = side == Side.BUY && order.price() == 0;
        TimeInForce tif = order.timeInForce();
        if (tif == TimeInForce.FOK && order.type().isStop()) {
            // Plain FOK orders were checked before acceptance; a triggered stop is decided here.
            Budget fokBudget = marketBuy
                    ? new QuoteBudget().reset(account.available(m.quoteAsset), instrument.quotePerTickLot(), order.takerFeeBps())
                    : Budget.UNLIMITED;
            if (m.book.matchable(side, limit, order.remaining(), account, fokBudget) < order.remaining()) {
                expire(m, order, ExpiryReason.FOK_NOT_FILLABLE);
                return;
            }
        }
        Budget takerBudget = marketBuy
                ? budget.reset(account.available(m.quoteAsset), instrument.quotePerTickLot(), order.takerFeeBps())
                : Budget.UNLIMITED;
        taker = order;
        MatchStop stop = m.book.match(side, limit, order.remaining(), account, takerBudget, this);
        taker = null;
        if (order.remaining() == 0) {
            close(order, OrderStatus.FILLED);
        } else if (stop == MatchStop.SELF_TRADE) {
            expire(m, order, ExpiryReason.SELF_TRADE_PREVENTED);
        } else if (order.price() > 0 && (tif == TimeInForce.GTC || tif == TimeInForce.POST_ONLY)) {
            // Indexed by the caller when new; replaced orders and triggered stops already are.
            m.book.rest(order, this);
        } else {
            expire(m, order, stop == MatchStop.BUDGET ? ExpiryReason.FUNDS_EXHAUSTED : ExpiryReason.UNFILLED_REMAINDER);
        }
    }

    @Override
    public void onTrade(Order maker, long price, long quantity) {
        Market m = market;
        Order t = taker;
        Instrument instrument = m.instrument;
        long notional = instrument.notional(price, quantity);
        long baseAmount = quantity * instrument.basePerLot();
        long makerFee = Fees.fee(notional, maker.makerFeeBps());
        long takerFee = Fees.fee(notional, t.takerFeeBps());
        long takerRemainingBefore = t.remaining();
        t.recordFill(price, quantity);

        boolean takerBuys = t.isBuy();
        Order buyer = takerBuys ? t : maker;
        Order seller = takerBuys ? maker : t;
        long buyerFee = takerBuys ? takerFee : makerFee;
        long sellerFee = takerBuys ? makerFee : takerFee;
        long buyerRemainingBefore = takerBuys ? takerRemainingBefore : maker.remaining() + quantity;
        Account buyerAccount = buyer.account();
        Account sellerAccount = seller.account();
        int quote = m.quoteAsset;
        int base = m.baseAsset;

        if (buyer.price() > 0) {
            // Release exactly the reservation of the filled slice: R(before) - R(after) >= what it costs.
            long before = Fees.buyReservation(instrument.notional(buyer.price(), buyerRemainingBefore), buyer.reserveFeeBps());
            long after = Fees.buyReservation(instrument.notional(buyer.price(), buyerRemainingBefore - quantity), buyer.reserveFeeBps());
            buyerAccount.release(quote, before - after);
        }
        buyerAccount.addTotal(quote, -(notional + buyerFee));
        buyerAccount.addTotal(base, baseAmount);
        sellerAccount.spendReserved(base, baseAmount);
        sellerAccount.addTotal(quote, notional - sellerFee);
        long fees = makerFee + takerFee;
        Account feeAccount = null;
        if (fees > 0) {
            feeAccount = state.feeAccount();
            feeAccount.addTotal(quote, fees);
        }
        long tradeId = ++state.lastTradeId;
        m.lastTradePrice = price;
        m.marketPrice = price;

        long seq = events.sequence;
        long ts = events.timestamp;
        events.emit(new TradeExecuted(seq, ts, tradeId, m.id, price, quantity, t.side(),
                maker.id(), maker.account().id(), makerFee, maker.remaining(),
                t.id(), t.account().id(), takerFee, t.remaining()));
        events.balance(buyerAccount, quote);
        events.balance(buyerAccount, base);
        events.balance(sellerAccount, base);
        events.balance(sellerAccount, quote);
        if (feeAccount != null) {
            events.balance(feeAccount, quote);
        }
        if (t.id() == subjectId) {
            addSubjectFill(new Fill(tradeId, price, quantity, takerFee, Liquidity.TAKER));
        } else if (maker.id() == subjectId) {
            addSubjectFill(new Fill(tradeId, price, quantity, makerFee, Liquidity.MAKER));
        }
        if (maker.remaining() == 0) {
            close(maker, OrderStatus.FILLED);
        }
    }

    @Override
    public void onLevelChanged(Side side, long price, long quantity) {
        events.emit(new BookLevelChanged(events.sequence, events.timestamp, market.id, side, price, quantity));
    }

    // ------------------------------------------------------------------ reservations

    /** What an open order holds: quote for a priced buy (notional + fee at its highest rate), base for a sell. */
    static long reservation(Instrument instrument, Order order) {
        long remaining = order.remaining();
        if (order.isBuy()) {
            return order.price() > 0
                    ? Fees.buyReservation(instrument.notional(order.price(), remaining), order.reserveFeeBps())
                    : 0;
        }
        return remaining * instrument.basePerLot();
    }

    private void reserve(Market m, Order order) {
        long amount = reservation(m.instrument, order);
        if (amount > 0) {
            int asset = order.isBuy() ? m.quoteAsset : m.baseAsset;
            order.account().reserve(asset, amount);
            events.balance(order.account(), asset);
        }
    }

    private void releaseRemaining(Market m, Order order) {
        long amount = reservation(m.instrument, order);
        if (amount > 0) {
            int asset = order.isBuy() ? m.quoteAsset : m.baseAsset;
            order.account().release(asset, amount);
            events.balance(order.account(), asset);
        }
    }

    private void expire(Market m, Order order, ExpiryReason reason) {
        events.emit(new OrderExpired(events.sequence, events.timestamp, order.id(), order.account().id(), m.id,
                order.filled(), order.remaining(), reason));
        releaseRemaining(m, order);
        close(order, OrderStatus.EXPIRED);
    }

    /** Forgets a finished order (after snapshotting it if the command is about it) and recycles it. */
    private void close(Order order, OrderStatus status) {
        if (order.id() == subjectId) {
            subjectClosed = snapshot(market, order, status, null);
        }
        state.orders.remove(order.id());
        pool.recycle(order);
    }

    // ------------------------------------------------------------------ results

    private void beginSubject(long orderId) {
        subjectId = orderId;
        subjectClosed = null;
        subjectFills = null;
    }

    private void addSubjectFill(Fill fill) {
        if (subjectFills == null) {
            subjectFills = new ArrayList<>(4);
        }
        subjectFills.add(fill);
    }

    private OrderResult finishSubject(Market m, Order order) {
        OrderSnapshot snapshot = subjectClosed;
        if (snapshot == null) {
            snapshot = snapshot(m, order, liveStatus(order), null);
        }
        List<Fill> fills = subjectFills == null ? List.of() : subjectFills;
        subjectId = 0;
        subjectClosed = null;
        subjectFills = null;
        return new OrderResult(events.sequence, null, snapshot, fills);
    }

    private OrderResult rejected(RejectCode code, OrderSnapshot current) {
        return new OrderResult(events.sequence, code, current, List.of());
    }

    static OrderStatus liveStatus(Order order) {
        if (order.isPendingTrigger()) {
            return OrderStatus.PENDING_TRIGGER;
        }
        return order.filled() == 0 ? OrderStatus.NEW : OrderStatus.PARTIALLY_FILLED;
    }

    static OrderSnapshot snapshot(Market m, Order order, OrderStatus status, RejectCode code) {
        long reserved = status.isOpen() ? reservation(m.instrument, order) : 0;
        return new OrderSnapshot(order.id(), order.account().id(), m.id, order.clientOrderId(), order.side(), order.type(),
                order.timeInForce(), order.price(), order.stopPrice(), order.quantity(), order.filled(), order.filledValue(),
                status, code, reserved);
    }
}
