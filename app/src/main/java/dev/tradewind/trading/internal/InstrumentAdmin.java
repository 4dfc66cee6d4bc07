package dev.tradewind.trading.internal;

import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.instrument.InvalidDecimalException;
import dev.tradewind.engine.result.AdminResult;
import dev.tradewind.engine.result.Result;
import dev.tradewind.platform.audit.AuditEvent;
import dev.tradewind.platform.audit.AuditLog;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.trading.InstrumentInfo;
import dev.tradewind.trading.TradingEngine;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Instrument administration, PostgreSQL-first like everything that changes reference data: the row
 * changes (and is audited) first, then the engine is told. Should the process die in between, the
 * start-up synchronization pushes PostgreSQL's state to the engine.
 */
@Service
class InstrumentAdmin {
    static final String ADDED = "INSTRUMENT_ADDED";
    static final String HALTED = "INSTRUMENT_HALTED";
    static final String RESUMED = "INSTRUMENT_RESUMED";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TradingEngine engine;
    private final JdbcReferenceData referenceData;
    private final AuditLog audit;

    InstrumentAdmin(JdbcClient jdbc, PlatformTransactionManager transactions, TradingEngine engine,
                    JdbcReferenceData referenceData, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.engine = engine;
        this.referenceData = referenceData;
        this.audit = audit;
    }

    synchronized InstrumentInfo add(UUID admin, AddInstrumentRequest request) {
        String symbol = request.symbol();
        if (!symbol.matches("[A-Z0-9]{2,12}-[A-Z0-9]{2,12}")) {
            throw unprocessable("INVALID_SYMBOL", "symbol", "The symbol must look like BASE-QUOTE, e.g. ADA-USD.");
        }
        Asset base = asset(request.baseAsset(), "baseAsset");
        Asset quote = asset(request.quoteAsset(), "quoteAsset");
        Increment tick = increment(request.tickSize(), "tickSize");
        Increment lot = increment(request.lotSize(), "lotSize");
        BigDecimal minQuantity = increment(request.minQuantity(), "minQuantity").toBigDecimal();
        BigDecimal[] lots = minQuantity.divideAndRemainder(lot.toBigDecimal());
        if (lots[1].signum() != 0) {
            throw unprocessable("QUANTITY_OFF_LOT", "minQuantity", "minQuantity must be a whole number of lots.");
        }
        if (referenceData.instrument(symbol).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "DUPLICATE_SYMBOL", symbol + " exists already.");
        }
        tx.executeWithoutResult(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO instruments (symbol, base_asset, quote_asset, tick_size, lot_size, min_quantity)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (symbol) DO NOTHING""")
                    .params(symbol, base.code(), quote.code(), tick.toBigDecimal(), lot.toBigDecimal(), minQuantity)
                    .update();
            if (inserted == 0) {
                throw new ApiException(HttpStatus.CONFLICT, "DUPLICATE_SYMBOL", symbol + " exists already.");
            }
            audit.record(AuditEvent.of(ADDED, AuditEvent.SUCCESS).withActor(admin).withTarget(symbol)
                    .withDetail("tickSize", tick.toString()).withDetail("lotSize", lot.toString())
                    .withDetail("minQuantity", minQuantity.toPlainString()));
        });
        Result result;
        try {
            result = engine.execute(new AddInstrument(symbol, base.id(), quote.id(), tick, lot,
                    lots[0].longValueExact()));
        } catch (RuntimeException e) {
            // stays in PostgreSQL: the next start adds it to the engine
            referenceData.reload(engine);
            throw e;
        }
        if (!result.accepted()) {
            jdbc.sql("DELETE FROM instruments WHERE symbol = ?").param(symbol).update();
            throw unprocessable(result.rejectCode().name(), null, switch (result.rejectCode()) {
                case INVALID_INSTRUMENT -> "Tick and lot size cannot be expressed in the assets' decimals "
                        + "(lot size in " + base.scale() + " decimals of " + base.code() + ", tick x lot in "
                        + quote.scale() + " decimals of " + quote.code() + ").";
                default -> "The engine refused the instrument: " + result.rejectCode() + ".";
            });
        }
        jdbc.sql("UPDATE instruments SET engine_id = ? WHERE symbol = ?")
                .params(((AdminResult) result).assignedId(), symbol).update();
        referenceData.reload(engine);
        return referenceData.instrument(symbol).orElseThrow();
    }

    synchronized InstrumentInfo setStatus(UUID admin, String symbol, InstrumentStatus status) {
        InstrumentInfo info = referenceData.instrument(symbol).orElseThrow(() -> ApiException.notFound("Instrument"));
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE instruments SET status = ?, updated_at = now() WHERE symbol = ?")
                    .params(status.name(), symbol).update();
            audit.record(AuditEvent.of(status == InstrumentStatus.HALTED ? HALTED : RESUMED, AuditEvent.SUCCESS)
                    .withActor(admin).withTarget(symbol));
        });
        try {
            Result result = engine.execute(new SetInstrumentStatus(info.engineId(), status));
            if (!result.accepted()) {
                throw new IllegalStateException("the engine refused status " + status + " for " + symbol + ": "
                        + result.rejectCode());
            }
        } finally {
            referenceData.reload(engine);
        }
        return referenceData.instrument(symbol).orElseThrow();
    }

    private Asset asset(String code, String field) {
        return referenceData.asset(code).orElseThrow(() -> unprocessable("UNKNOWN_ASSET", field,
                "No asset '" + (code.length() > 20 ? code.substring(0, 17) + "..." : code) + "'."));
    }

    private static Increment increment(String text, String field) {
        try {
            return Increment.parse(text);
        } catch (InvalidDecimalException e) {
            throw unprocessable(e.code(), field, field + ": " + e.getMessage());
        }
    }

    private static ApiException unprocessable(String code, String field, String detail) {
        return field == null ? new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail)
                : new FieldProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, field, detail);
    }
}
