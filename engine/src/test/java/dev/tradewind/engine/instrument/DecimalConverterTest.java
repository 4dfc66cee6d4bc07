package dev.tradewind.engine.instrument;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalConverterTest {
    private static final Asset BTC = new Asset(0, "BTC", 8);
    private static final Asset USD = new Asset(1, "USD", 2);
    /** Tick 0.01 USD, lot 0.0001 BTC, minimum 0.001 BTC; USD needs scale 6 for this pair, so use a fine USD. */
    private static final Instrument PAIR = InstrumentRules.define(0, "BTC-USD", BTC, new Asset(1, "USD", 6),
            Increment.parse("0.01"), Increment.parse("0.0001"), 10);

    @Test
    void definesThePairUsedHere() {
        assertThat(PAIR).isNotNull();
        assertThat(PAIR.basePerLot()).isEqualTo(10_000);
        assertThat(PAIR.quotePerTickLot()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"42000.50, 4200050", "42000.5, 4200050", "0.01, 1", "42000.500000, 4200050", "00042000.50, 4200050",
            "92233720368547758.07, 9223372036854775807"})
    void pricesConvertExactly(String text, long ticks) {
        assertThat(DecimalConverter.priceTicks(PAIR, text)).isEqualTo(ticks);
    }

    @ParameterizedTest
    @CsvSource({
            "42000.505, PRICE_OFF_TICK",
            "0.001, PRICE_OFF_TICK",
            "0, NOT_POSITIVE",
            "0.00, NOT_POSITIVE",
            "-1, NOT_POSITIVE",
            "-0.01, NOT_POSITIVE",
            "92233720368547758.08, NUMBER_TOO_LARGE",
            "1000000000000000000000000000000, NUMBER_TOO_LARGE",
            "abc, INVALID_NUMBER",
            "1e3, INVALID_NUMBER",
            "1E+3, INVALID_NUMBER",
            "'', INVALID_NUMBER",
            "' 1', INVALID_NUMBER",
            "'1 ', INVALID_NUMBER",
            "+1, INVALID_NUMBER",
            ".5, INVALID_NUMBER",
            "5., INVALID_NUMBER",
            "1.2.3, INVALID_NUMBER",
            "'1,000.00', INVALID_NUMBER",
            "NaN, INVALID_NUMBER",
            "Infinity, INVALID_NUMBER",
            "0x10, INVALID_NUMBER",
            "--1, INVALID_NUMBER",
            "١٢, INVALID_NUMBER"})
    void badPricesAreRefusedWithAStableCode(String text, DecimalError error) {
        assertThatThrownBy(() -> DecimalConverter.priceTicks(PAIR, text))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.code()).isEqualTo(error.name());
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void nullIsNotANumber() {
        assertThatThrownBy(() -> DecimalConverter.priceTicks(PAIR, null))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(DecimalError.INVALID_NUMBER));
    }

    @Test
    void hugeInputIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> DecimalConverter.priceTicks(PAIR, "9".repeat(10_000)))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(DecimalError.NUMBER_TOO_LARGE));
    }

    @ParameterizedTest
    @CsvSource({"0.001, 10", "0.0010, 10", "1.2345, 12345", "2, 20000"})
    void quantitiesConvertExactly(String text, long lots) {
        assertThat(DecimalConverter.quantityLots(PAIR, text)).isEqualTo(lots);
    }

    @ParameterizedTest
    @CsvSource({"0.00015, QUANTITY_OFF_LOT", "0.0009, QUANTITY_TOO_SMALL", "0, NOT_POSITIVE", "-0.001, NOT_POSITIVE",
            "1e-3, INVALID_NUMBER", "922337203685477.5808, NUMBER_TOO_LARGE"})
    void badQuantitiesAreRefused(String text, DecimalError error) {
        assertThatThrownBy(() -> DecimalConverter.quantityLots(PAIR, text))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void amountsFollowTheAssetScale() {
        assertThat(DecimalConverter.amountMinor(USD, "12.30")).isEqualTo(1_230);
        assertThat(DecimalConverter.amountMinor(USD, "12.3000")).isEqualTo(1_230);
        assertThat(DecimalConverter.amountMinor(BTC, "0.00000001")).isEqualTo(1);
        assertThat(DecimalConverter.signedAmountMinor(USD, "-5.01")).isEqualTo(-501);
        assertThatThrownBy(() -> DecimalConverter.amountMinor(USD, "0.001"))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(DecimalError.AMOUNT_OFF_SCALE));
        assertThatThrownBy(() -> DecimalConverter.amountMinor(USD, "-1"))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(DecimalError.NOT_POSITIVE));
        assertThatThrownBy(() -> DecimalConverter.signedAmountMinor(USD, "-0.00"))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(DecimalError.ZERO_AMOUNT));
        assertThatThrownBy(() -> DecimalConverter.amountMinor(USD, "92233720368547758.08"))
                .isInstanceOfSatisfying(InvalidDecimalException.class, e -> assertThat(e.error()).isEqualTo(DecimalError.NUMBER_TOO_LARGE));
    }

    @Test
    void formattingIsExactAndKeepsTheIncrementsDecimals() {
        assertThat(DecimalConverter.formatPrice(PAIR, 4_200_050)).isEqualTo("42000.50");
        assertThat(DecimalConverter.formatPrice(PAIR, 1)).isEqualTo("0.01");
        assertThat(DecimalConverter.formatQuantity(PAIR, 12_345)).isEqualTo("1.2345");
        assertThat(DecimalConverter.formatQuantity(PAIR, 10)).isEqualTo("0.0010");
        assertThat(DecimalConverter.formatAmount(USD, -501)).isEqualTo("-5.01");
        assertThat(DecimalConverter.formatAveragePrice(PAIR, 100 * 3 + 101, 4)).isEqualTo("1.0025");
        assertThat(DecimalConverter.formatAveragePrice(PAIR, 0, 0)).isNull();
        for (long ticks : new long[] {1, 99, 4_200_050, Long.MAX_VALUE}) {
            assertThat(DecimalConverter.priceTicks(PAIR, DecimalConverter.formatPrice(PAIR, ticks))).isEqualTo(ticks);
        }
    }

    @Test
    void incrementsParseExactly() {
        assertThat(Increment.parse("0.0100")).isEqualTo(new Increment(1, 2));
        assertThat(Increment.parse("5")).isEqualTo(new Increment(5, 0));
        assertThat(Increment.parse("500")).isEqualTo(new Increment(500, 0));
        assertThat(Increment.parse("0.05").toString()).isEqualTo("0.05");
        assertThatThrownBy(() -> Increment.parse("0")).isInstanceOf(InvalidDecimalException.class);
        assertThatThrownBy(() -> Increment.parse("0.0000000000000000001")).isInstanceOf(InvalidDecimalException.class);
        assertThatThrownBy(() -> new Increment(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
