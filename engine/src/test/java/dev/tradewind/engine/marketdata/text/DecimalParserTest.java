package dev.tradewind.engine.marketdata.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalParserTest {
    private static long bytes(String s, int scale, long step) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        long viaBytes = DecimalParser.parse(b, 0, b.length, scale, step);
        long viaChars = DecimalParser.parse(s, 0, s.length(), scale, step);
        assertThat(viaChars).as("byte and char forms agree on '%s'", s).isEqualTo(viaBytes);
        return viaBytes;
    }

    @Test
    void parsesExactlyIntoScaledLongs() {
        assertThat(bytes("42000.50", 2, 1)).isEqualTo(4_200_050);
        assertThat(bytes("42000.5", 2, 1)).isEqualTo(4_200_050);
        assertThat(bytes("42000", 2, 1)).isEqualTo(4_200_000);
        assertThat(bytes("0.015", 5, 1)).isEqualTo(1_500);
        assertThat(bytes("0", 2, 1)).isEqualTo(0);
        assertThat(bytes("7", 0, 1)).isEqualTo(7);
    }

    @Test
    void acceptsVenuePaddingZerosBeyondTheScale() {
        assertThat(bytes("25.35190000", 4, 1)).isEqualTo(253_519);
        assertThat(bytes("0.01000000", 2, 1)).isEqualTo(1);
    }

    @Test
    void rejectsOverPrecisionInsteadOfRounding() {
        assertThat(bytes("42000.505", 2, 1)).isEqualTo(DecimalParser.OVER_PRECISION);
        assertThat(bytes("0.000000001", 8, 1)).isEqualTo(DecimalParser.OVER_PRECISION);
    }

    @Test
    void dividesBySteps() {
        assertThat(bytes("187.35", 2, 5)).isEqualTo(3_747);
        assertThat(bytes("187.36", 2, 5)).isEqualTo(DecimalParser.OFF_GRID);
    }

    @Test
    void rejectsWhatIsNotAPlainDecimal() {
        for (String bad : new String[] {"", "NaN", "nan", "Infinity", "1e5", "1.", ".5", "1.2.3", "+1", "12a", " 1", "1,5"}) {
            assertThat(bytes(bad, 2, 1)).as("'%s'", bad).isEqualTo(DecimalParser.MALFORMED);
        }
        assertThat(bytes("-1.5", 2, 1)).isEqualTo(DecimalParser.NEGATIVE);
    }

    @Test
    void detectsOverflow() {
        assertThat(bytes("92233720368547758.08", 2, 1)).isEqualTo(DecimalParser.OVERFLOW);
        assertThat(bytes("92233720368547758.07", 2, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(bytes("99999999999999999999", 0, 1)).isEqualTo(DecimalParser.OVERFLOW);
        assertThat(bytes("9223372036854775807", 1, 1)).isEqualTo(DecimalParser.OVERFLOW);
    }

    @Test
    void formatAndParseRoundTrip() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            int scale = random.nextInt(0, 10);
            long value = random.nextLong(0, 1_000_000_000_000L);
            String text = DecimalParser.format(value, scale);
            assertThat(bytes(text, scale, 1)).as("seed %d: %s at scale %d", seed, text, scale).isEqualTo(value);
        }
        assertThat(DecimalParser.format(4_200_050, 2)).isEqualTo("42000.50");
        assertThat(DecimalParser.format(5, 3)).isEqualTo("0.005");
    }
}
