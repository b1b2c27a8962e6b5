package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money is whole cents; conversions to and from DECIMAL(14,2) are exact or refused. */
class MoneyTests {

    @Test
    void decimalsBecomeCentsAndBack() {
        assertThat(Money.toCents(new BigDecimal("12.30"))).isEqualTo(1230);
        assertThat(Money.toCents(new BigDecimal("12.3"))).isEqualTo(1230);
        assertThat(Money.toCents(new BigDecimal("7"))).isEqualTo(700);
        assertThat(Money.toCents(new BigDecimal("-0.01"))).isEqualTo(-1);
        assertThat(Money.toCents(new BigDecimal("999999999999.99"))).isEqualTo(99_999_999_999_999L);
        assertThat(Money.fromCents(1230)).isEqualTo(new BigDecimal("12.30"));
        assertThat(Money.format(5)).isEqualTo("0.05");
        assertThat(Money.format(-150)).isEqualTo("-1.50");
    }

    @Test
    void moreThanTwoDecimalsAreRefusedRatherThanRounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.toCents(new BigDecimal("1.005")))
                .withMessageContaining("1.005");
        assertThat(Money.toCents(new BigDecimal("1.500"))).isEqualTo(150);
    }
}
