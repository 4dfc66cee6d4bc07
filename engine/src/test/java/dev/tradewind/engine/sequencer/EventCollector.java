package dev.tradewind.engine.sequencer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Test consumer: records events, checks contiguity, can be stalled at its first batch. */
final class EventCollector implements EventConsumer<BankEvent> {
    final List<BankEvent> events = Collections.synchronizedList(new ArrayList<>());
    final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch gate;
    volatile long last;
    volatile Throwable error;
    volatile boolean stalled;

    EventCollector(long after, CountDownLatch gate) {
        this.last = after;
        this.gate = gate;
    }

    @Override
    public void onBatch(EventBatch<BankEvent> batch) {
        if (gate != null && gate.getCount() > 0) {
            stalled = true;
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (last >= 0 && batch.firstSequence() != last + 1) {
            problems.add("batch " + batch + " after " + last);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.sequence(i) != batch.event(i).sequence()) {
                problems.add("event " + batch.event(i) + " labelled " + batch.sequence(i));
            }
        }
        events.addAll(batch.events());
        last = batch.lastSequence();
    }

    @Override
    public void onLag(long lastDeliveredSequence) {
        if (lastDeliveredSequence != last) {
            problems.add("onLag(" + lastDeliveredSequence + ") but last delivered was " + last);
        }
        lags.add(lastDeliveredSequence);
    }

    @Override
    public void onError(Throwable error) {
        this.error = error;
    }

    List<BankEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
