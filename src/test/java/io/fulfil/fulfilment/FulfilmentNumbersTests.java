package io.fulfil.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Fulfilment numbers are text that sorts as the number does. */
class FulfilmentNumbersTests {

    @Test
    void aNumberIsFAndTenDigitsWiderOnlyPastTenBillion() {
        assertThat(FulfilmentNumbers.format(0)).isEqualTo("F0000000000");
        assertThat(FulfilmentNumbers.format(1)).isEqualTo("F0000000001");
        assertThat(FulfilmentNumbers.format(1_234_567_890)).isEqualTo("F1234567890");
        assertThat(FulfilmentNumbers.format(9_999_999_999L)).isEqualTo("F9999999999");
        assertThat(FulfilmentNumbers.format(12_345_678_901L)).isEqualTo("F12345678901");
    }

    @Test
    void everyNumberIsWrittenAsTheFormatStringWroteIt() {
        for (long n : new long[] {0, 9, 10, 11, 99, 100, 999_999_999, 1_000_000_000, 9_999_999_999L,
                10_000_000_000L, Long.MAX_VALUE}) {
            assertThat(FulfilmentNumbers.format(n)).as("%d", n)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "F%010d", n));
        }
    }

    @Test
    void numbersSortAsTextAsTheyDoAsNumbersUpToTenBillion() {
        assertThat(FulfilmentNumbers.format(99)).isLessThan(FulfilmentNumbers.format(100));
        assertThat(FulfilmentNumbers.format(999_999)).isLessThan(FulfilmentNumbers.format(1_000_000));
    }

    @Test
    void aNegativeNumberIsRefused() {
        assertThatThrownBy(() -> FulfilmentNumbers.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
