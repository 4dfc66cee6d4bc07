package dev.tradewind.engine.core;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.result.Result;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {
    /** An engine after a few thousand random commands: books, stops, holds, references, tiers. */
    private static TestMarket busy(int commands, RandomCommands generator) {
        TestMarket t = new TestMarket();
        for (Command c : generator.setup()) {
            t.apply(c);
        }
        for (int i = 0; i < commands; i++) {
            Result r = t.apply(generator.resolve(generator.next(), t.engine));
            if (r.accepted() && r instanceof dev.tradewind.engine.result.OrderResult o && o.order() != null) {
                generator.accepted(o.order().orderId());
            }
        }
        return t;
    }

    @Test
    void aRestoredEngineHasTheSameHashAndBehavesIdentically() {
        RandomCommands generator = new RandomCommands(99);
        TestMarket original = busy(5_000, generator);
        assertThat(original.engine.openOrderCount()).isPositive();
        byte[] snapshot = original.snapshot();
        TestMarket restored = TestMarket.restore(snapshot);

        assertThat(restored.engine.stateHash()).isEqualTo(original.engine.stateHash());
        assertThat(restored.engine.lastSequence()).isEqualTo(original.engine.lastSequence());
        assertThat(restored.snapshot()).isEqualTo(snapshot);

        for (int i = 0; i < 5_000; i++) {
            Command command = generator.resolve(generator.next(), original.engine);
            List<EngineEvent> a = new ArrayList<>();
            List<EngineEvent> b = new ArrayList<>();
            Result ra = original.engine.apply(original.engine.lastSequence() + 1, i, command, a::add);
            Result rb = restored.engine.apply(restored.engine.lastSequence() + 1, i, command, b::add);
            assertThat(rb).isEqualTo(ra);
            assertThat(b).isEqualTo(a);
            if (ra.accepted() && ra instanceof dev.tradewind.engine.result.OrderResult o && o.order() != null) {
                generator.accepted(o.order().orderId());
            }
        }
        assertThat(restored.engine.stateHash()).isEqualTo(original.engine.stateHash());
    }

    @Test
    void differentStatesHaveDifferentHashes() {
        TestMarket a = TestMarket.create().fund(1, 1_000, 0);
        TestMarket b = TestMarket.create().fund(1, 1_001, 0);
        assertThat(a.engine.stateHash()).isNotEqualTo(b.engine.stateHash());
        a.buy(1, 5, 1);
        a.buy(1, 5, 1);
        b = TestMarket.create().fund(1, 1_000, 0);
        b.buy(1, 5, 1);
        b.buy(1, 5, 1);
        assertThat(a.engine.stateHash()).isEqualTo(b.engine.stateHash());
        // Same orders, other time priority: a different state.
        TestMarket c = TestMarket.create().fund(1, 1_000, 0).fund(2, 1_000, 0);
        TestMarket d = TestMarket.create().fund(1, 1_000, 0).fund(2, 1_000, 0);
        long c1 = c.buy(1, 5, 1).order().orderId();
        c.buy(2, 5, 1);
        c.replace(1, c1, 0, 1);
        long d1 = d.buy(1, 5, 1).order().orderId();
        d.buy(2, 5, 1);
        d.replace(1, d1, 6, 0);
        d.replace(1, d1, 5, 0);
        assertThat(c.engine.contentHash()).isNotEqualTo(d.engine.contentHash());
    }

    @Test
    void aCorruptSnapshotFailsLoudly() {
        byte[] snapshot = busy(500, new RandomCommands(5)).snapshot();
        assertThatThrownBy(() -> read(Arrays.copyOf(snapshot, snapshot.length - 3))).isInstanceOf(IOException.class);
        byte[] badMagic = snapshot.clone();
        badMagic[0] ^= 1;
        assertThatThrownBy(() -> read(badMagic)).isInstanceOf(IOException.class).hasMessageContaining("magic");
    }

    private static void read(byte[] bytes) throws IOException {
        new MatchingEngine().readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
