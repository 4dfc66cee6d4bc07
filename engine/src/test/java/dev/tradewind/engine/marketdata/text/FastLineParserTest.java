package dev.tradewind.engine.marketdata.text;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FastLineParserTest {
    private final FastLineParser parser = new FastLineParser();
    private final MutableUpdate out = new MutableUpdate();

    /**
     * Parses {@code line} both ways: alone (the sequential path) and followed by a newline and
     * padding (the eight-bytes-at-a-time path needs room to read ahead); both must agree.
     */
    private RejectReason parse(String line) {
        byte[] alone = line.getBytes(StandardCharsets.US_ASCII);
        RejectReason sequential = parser.parse(alone, 0, alone.length, SYMBOLS, out);
        String first = sequential == null ? out.toString() + "/" + out.tradeId() : null;
        byte[] padded = (line + "\n" + " ".repeat(80)).getBytes(StandardCharsets.US_ASCII);
        int next = parser.parseLine(padded, 0, padded.length);
        RejectReason fast = parser.normalize(padded, SYMBOLS, out);
        assertThat(fast).as("padded '%s'", line).isEqualTo(sequential);
        assertThat(next).as("end of padded '%s'", line).isEqualTo(line.length() + 1);
        if (sequential == null) {
            assertThat(out.toString() + "/" + out.tradeId()).as("padded '%s'", line).isEqualTo(first);
        }
        return sequential;
    }

    @Test
    void bothPathsAgreeOnRandomAndDamagedLines() {
        long seed = System.nanoTime();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        dev.tradewind.engine.marketdata.feed.GbmGenerator generator = new dev.tradewind.engine.marketdata.feed.GbmGenerator(
                SYMBOLS, java.util.List.of(
                        new dev.tradewind.engine.marketdata.feed.GbmParameters("BTC-USD", 42_000, 0, 0.8, 100, 1, 0.4, 0.2, 100_000_000),
                        new dev.tradewind.engine.marketdata.feed.GbmParameters("AAPL-USD", 187, 0, 0.3, 100, 1, 0.4, 0.2, 500)),
                seed, 1_732_420_000_000L);
        MutableUpdate u = new MutableUpdate();
        byte[] alphabet = "0123456789.,-TQRBSX\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20_000; i++) {
            generator.next(u);
            StringBuilder sb = new StringBuilder();
            FastLineParser.format(u, SYMBOLS, sb);
            if (random.nextInt(3) == 0) {
                int at = random.nextInt(sb.length());
                char c = (char) alphabet[random.nextInt(alphabet.length)];
                if (c != '\n') {
                    sb.setCharAt(at, c);
                }
            }
            String line = sb.toString();
            org.assertj.core.api.Assertions.assertThatCode(() -> parse(line)).as("seed %d", seed).doesNotThrowAnyException();
        }
    }

    @Test
    void parsesTradesQuotesAndReferenceTicks() {
        assertThat(parse("T,BTC-USD,42000.50,0.015,B,1732420000123,981")).isNull();
        assertThat(out.toRecord(SYMBOLS)).isEqualTo(
                new TradeReported("BTC-USD", 4_200_050, 1_500, TakerSide.BUY, "", 981, 0, 1_732_420_000_123L));

        assertThat(parse("T,ETH-USD,3100.1,2,S,1732420000124")).isNull();
        assertThat(out.toRecord(SYMBOLS)).isEqualTo(
                new TradeReported("ETH-USD", 310_010, 20_000, TakerSide.SELL, "", 0, 0, 1_732_420_000_124L));

        assertThat(parse("Q,BTC-USD,42000.49,1.2,42000.51,0.8,1732420000125\r")).isNull();
        assertThat(out.toRecord(SYMBOLS)).isEqualTo(
                new QuoteUpdated("BTC-USD", 4_200_049, 120_000, 4_200_051, 80_000, "", 0, 1_732_420_000_125L));

        assertThat(parse("R,AAPL-USD,187.35,1732420000200")).isNull();
        assertThat(out.toRecord(SYMBOLS)).isEqualTo(new ReferencePriceUpdated("AAPL-USD", 3_747, "", 1_732_420_000_200L));
    }

    @Test
    void rejectsBadLinesWithAReason() {
        assertThat(parse("")).isEqualTo(RejectReason.MALFORMED);
        assertThat(parse("garbage")).isEqualTo(RejectReason.MALFORMED);
        assertThat(parse("T,BTC-USD,1,1,B")).isEqualTo(RejectReason.MALFORMED);
        assertThat(parse("T,BTC-USD,1,1,B,1,2,3,4,5,6")).isEqualTo(RejectReason.MALFORMED);
        assertThat(parse("X,BTC-USD,1,1,B,1")).isEqualTo(RejectReason.UNKNOWN_TYPE);
        assertThat(parse("T,DOGE-USD,1,1,B,1")).isEqualTo(RejectReason.UNKNOWN_SYMBOL);
        assertThat(parse("T,BTC-USD,-1,1,B,1")).isEqualTo(RejectReason.NON_POSITIVE_PRICE);
        assertThat(parse("T,BTC-USD,0.00,1,B,1")).isEqualTo(RejectReason.NON_POSITIVE_PRICE);
        assertThat(parse("T,BTC-USD,NaN,1,B,1")).isEqualTo(RejectReason.MALFORMED_NUMBER);
        assertThat(parse("T,BTC-USD,1,0,B,1")).isEqualTo(RejectReason.NON_POSITIVE_QUANTITY);
        assertThat(parse("T,BTC-USD,1.001,1,B,1")).isEqualTo(RejectReason.OVER_PRECISION);
        assertThat(parse("T,AAPL-USD,187.36,1,B,1")).isEqualTo(RejectReason.OFF_TICK_GRID);
        assertThat(parse("T,BTC-USD,1,1,X,1")).isEqualTo(RejectReason.MALFORMED);
        assertThat(parse("T,BTC-USD,1,1,B,soon")).isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(parse("Q,BTC-USD,2,1,1,1,5")).isEqualTo(RejectReason.CROSSED_QUOTE);
        assertThat(parse("R,BTC-USD,99999999999999999999,1")).isEqualTo(RejectReason.NUMBER_OVERFLOW);
    }

    @Test
    void parsesBulkInputLineByLine() {
        byte[] b = "T,BTC-USD,1,1,B,1\nR,BTC-USD,2,2\r\n\nQ,BTC-USD,1,1,2,1,3".getBytes(StandardCharsets.US_ASCII);
        int pos = parser.parseLine(b, 0, b.length);
        assertThat(parser.normalize(b, SYMBOLS, out)).isNull();
        assertThat(out.price()).isEqualTo(100);
        pos = parser.parseLine(b, pos, b.length);
        assertThat(parser.normalize(b, SYMBOLS, out)).isNull();
        assertThat(out.eventTime()).isEqualTo(2);
        assertThat(new String(b, parser.lineStart(), parser.lineEnd() - parser.lineStart(), StandardCharsets.US_ASCII))
                .isEqualTo("R,BTC-USD,2,2");
        pos = parser.parseLine(b, pos, b.length);
        assertThat(parser.normalize(b, SYMBOLS, out)).isEqualTo(RejectReason.MALFORMED);
        pos = parser.parseLine(b, pos, b.length);
        assertThat(parser.normalize(b, SYMBOLS, out)).isNull();
        assertThat(out.ask()).isEqualTo(200);
        assertThat(pos).isEqualTo(b.length);
    }

    @Test
    void aLinePassedWithoutItsNewlineEndsAtTheLimit() {
        String line = "Q,BTC-USD,42000.49,1.2,42000.51,0.8,1732420000125";
        byte[] b = (line + "\nT,BTC-USD,1,1,B,1\n" + " ".repeat(80)).getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parseLine(b, 0, line.length())).isEqualTo(line.length());
        assertThat(parser.normalize(b, SYMBOLS, out)).isNull();
        assertThat(out.ask()).isEqualTo(4_200_051);
    }

    @Test
    void aBadLineDoesNotSwallowTheNextOne() {
        byte[] b = "T,BTC-USD,NaN,1,B,1,extra\nT,BTC-USD,3,1,S,9\n".getBytes(StandardCharsets.US_ASCII);
        int pos = parser.parseLine(b, 0, b.length);
        assertThat(parser.normalize(b, SYMBOLS, out)).isEqualTo(RejectReason.MALFORMED_NUMBER);
        assertThat(new String(b, parser.lineStart(), parser.lineEnd() - parser.lineStart(), StandardCharsets.US_ASCII))
                .isEqualTo("T,BTC-USD,NaN,1,B,1,extra");
        pos = parser.parseLine(b, pos, b.length);
        assertThat(parser.normalize(b, SYMBOLS, out)).isNull();
        assertThat(out.price()).isEqualTo(300);
        assertThat(pos).isEqualTo(b.length);
    }

    @Test
    void matchesTheReferenceDecimalParser() {
        long seed = System.nanoTime();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder price = new StringBuilder().append(random.nextLong(0, 100_000));
            if (random.nextBoolean()) {
                price.append('.');
                int digits = random.nextInt(1, 8);
                for (int d = 0; d < digits; d++) {
                    price.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
                }
            }
            String line = "R,BTC-USD," + price + ",1";
            long expected = DecimalParser.parse(price, 0, price.length(), 2, 1);
            RejectReason reason = parse(line);
            if (expected > 0) {
                assertThat(reason).as("seed %d: %s", seed, line).isNull();
                assertThat(out.price()).as("seed %d: %s", seed, line).isEqualTo(expected);
            } else {
                assertThat(reason).as("seed %d: %s", seed, line)
                        .isEqualTo(expected == 0 ? RejectReason.NON_POSITIVE_PRICE : RejectReason.ofDecimalError(expected, true));
            }
        }
    }

    @Test
    void formatsWhatItParses() {
        String line = "Q,BTC-USD,42000.49,1.20000,42000.51,0.80000,1732420000125";
        assertThat(parse(line)).isNull();
        StringBuilder sb = new StringBuilder();
        FastLineParser.format(out, SYMBOLS, sb);
        assertThat(sb).hasToString(line);
    }
}
