package dev.tradewind.engine.instrument;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentRulesTest {
    private static final Asset BTC = new Asset(0, "BTC", 8);
    private static final Asset USD = new Asset(1, "USD", 2);

    private static Instrument define(String tick, String lot, Asset base, Asset quote) {
        return InstrumentRules.define(0, "X", base, quote, Increment.parse(tick), Increment.parse(lot), 1);
    }

    @Test
    void tickTimesLotMustBeWholeQuoteMinorUnits() {
        assertThat(define("1", "0.01", BTC, USD).quotePerTickLot()).isEqualTo(1);
        assertThat(define("0.5", "0.02", BTC, USD).quotePerTickLot()).isEqualTo(1);
        assertThat(define("5", "0.1", BTC, USD).quotePerTickLot()).isEqualTo(50);
        assertThat(define("0.01", "0.01", BTC, USD)).isNull();
        assertThat(define("0.01", "0.0001", BTC, new Asset(1, "USD", 6)).quotePerTickLot()).isEqualTo(1);
    }

    @Test
    void lotMustBeWholeBaseMinorUnits() {
        assertThat(define("1", "0.00000001", BTC, new Asset(1, "USD", 8)).basePerLot()).isEqualTo(1);
        assertThat(define("1", "0.000000001", BTC, new Asset(1, "USD", 18))).isNull();
        assertThat(define("100", "1", new Asset(0, "AAPL", 0), USD).basePerLot()).isEqualTo(1);
    }

    @Test
    void multipliersThatOverflowAreRefused() {
        assertThat(define("1000000000", "1000000000000", new Asset(0, "X", 0), new Asset(1, "Y", 18))).isNull();
        assertThat(InstrumentRules.scaleExactly(5, 19)).isEqualTo(-1);
        assertThat(InstrumentRules.scaleExactly(50, -1)).isEqualTo(5);
        assertThat(InstrumentRules.scaleExactly(55, -1)).isEqualTo(-1);
    }

    @Test
    void notionalNeverWraps() {
        Instrument i = define("1", "0.01", BTC, USD);
        assertThat(i.notional(100, 3)).isEqualTo(300);
        assertThatThrownBy(() -> i.notional(Long.MAX_VALUE / 2, 3)).isInstanceOf(ArithmeticException.class);
    }
}
