package dev.tradewind.trading;

import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.sequencer.EventBatch;

/**
 * A module's share of persisting engine events (e.g. the ledger's entries and postings). The
 * persister calls every such bean for each batch inside its one transaction per batch, together
 * with the orders, trades and the checkpoint: all of it commits, or none of it. After a crash the
 * batch is delivered again from the checkpoint, so a writer must keep no state in memory that a
 * rollback would leave wrong (read what it needs from the database, which the transaction sees).
 * Use the application's {@code JdbcTemplate}/{@code JdbcClient}: they join the transaction.
 */
public interface PersistedEventWriter {
    void write(EventBatch<EngineEvent> batch, EngineCatalog catalog);
}
