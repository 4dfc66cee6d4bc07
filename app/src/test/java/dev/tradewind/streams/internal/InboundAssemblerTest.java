package dev.tradewind.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundAssemblerTest {
    @Test
    void joinsFragments() {
        InboundAssembler assembler = new InboundAssembler(100, 1000);
        assertThat(assembler.atMessageStart()).isTrue();
        assertThat(assembler.accept("{\"op\":", false).kind()).isEqualTo(InboundAssembler.Kind.PARTIAL);
        assertThat(assembler.atMessageStart()).isFalse();
        InboundAssembler.Part part = assembler.accept("\"ping\"}", true);
        assertThat(part.kind()).isEqualTo(InboundAssembler.Kind.COMPLETE);
        assertThat(part.text()).isEqualTo("{\"op\":\"ping\"}");
        assertThat(assembler.accept("{}", true).text()).isEqualTo("{}");
    }

    @Test
    void anOversizedMessageIsReportedOnceAndSkippedThenTheNextOneWorks() {
        InboundAssembler assembler = new InboundAssembler(10, 1000);
        assertThat(assembler.accept("123456", false).kind()).isEqualTo(InboundAssembler.Kind.PARTIAL);
        assertThat(assembler.accept("123456", false).kind()).isEqualTo(InboundAssembler.Kind.TOO_LARGE);
        assertThat(assembler.accept("123456", false).kind()).isEqualTo(InboundAssembler.Kind.PARTIAL);
        assertThat(assembler.accept("123456", true).kind()).isEqualTo(InboundAssembler.Kind.PARTIAL);
        assertThat(assembler.accept("12345678", true).text()).isEqualTo("12345678");
        assertThat(assembler.accept("12345678901", true).kind()).isEqualTo(InboundAssembler.Kind.TOO_LARGE);
    }

    @Test
    void theLimitIsInUtf8Bytes() {
        InboundAssembler assembler = new InboundAssembler(6, 1000);
        assertThat(assembler.accept("ééé", true).kind()).isEqualTo(InboundAssembler.Kind.COMPLETE);
        assertThat(assembler.accept("éééé", true).kind()).isEqualTo(InboundAssembler.Kind.TOO_LARGE);
        assertThat(InboundAssembler.utf8Length("a€😀")).isEqualTo(1 + 3 + 4);
    }

    @Test
    void aHugeMessageAsksToClose() {
        InboundAssembler assembler = new InboundAssembler(10, 30);
        assertThat(assembler.accept("x".repeat(20), false).kind()).isEqualTo(InboundAssembler.Kind.TOO_LARGE);
        assertThat(assembler.accept("x".repeat(20), false).kind()).isEqualTo(InboundAssembler.Kind.WAY_TOO_LARGE);
    }
}
