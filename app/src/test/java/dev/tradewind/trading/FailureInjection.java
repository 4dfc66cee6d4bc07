package dev.tradewind.trading;

import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.sequencer.EventBatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only {@link PersistedEventWriter} that makes the persister's transaction fail while armed,
 * as a crash of the persister between two batches would: nothing of the batch commits.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailureInjection {
    @Bean
    FailingWriter failingWriter() {
        return new FailingWriter();
    }

    public static final class FailingWriter implements PersistedEventWriter {
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        /** The next {@code batches} batches fail (Integer.MAX_VALUE: until disarmed). */
        public void arm(int batches) {
            failuresLeft.set(batches);
        }

        public void disarm() {
            failuresLeft.set(0);
        }

        public int failed() {
            return failed.get();
        }

        @Override
        public void write(EventBatch<EngineEvent> batch, EngineCatalog catalog) {
            if (batch.size() > 0 && failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                failed.incrementAndGet();
                throw new IllegalStateException("injected persister failure at " + batch);
            }
        }
    }
}
