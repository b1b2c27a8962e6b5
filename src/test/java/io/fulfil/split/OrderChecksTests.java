package io.fulfil.split;

import static io.fulfil.reference.TemperatureZone.AMBIENT;
import static io.fulfil.reference.TemperatureZone.CHILLED;
import static io.fulfil.split.Catalog.APPLE;
import static io.fulfil.split.Catalog.CHERRY;
import static io.fulfil.split.Catalog.UNKNOWN;
import static io.fulfil.split.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.reference.ReferenceData;
import io.fulfil.reference.TemperatureZone;
import org.junit.jupiter.api.Test;

/** CONTRACT §1: an inconsistent order is never split; these are the reasons it is held with. */
class OrderChecksTests {

    static final ReferenceData AMBIENT_ONLY = Warehouses.reference(
            Warehouses.active("HZ", Places.HANGZHOU, 1, AMBIENT),
            Warehouses.inactive("BJ", Places.BEIJING, 1, AMBIENT, CHILLED));

    static String why(PaidOrder order) {
        return OrderChecks.whyNotSplittable(order, AMBIENT_ONLY);
    }

    @Test
    void aConsistentOrderCanBeSplit() {
        assertThat(why(order("O1").line(APPLE, 3, 999, 7).discount(500).shipping(800).build())).isNull();
    }

    @Test
    void aFreeOrderWithOnlyShippingCanBeSplit() {
        assertThat(why(order("O1").line(APPLE, 3, 0).shipping(800).build())).isNull();
    }

    @Test
    void goodsAmountMustBeTheSumOfTheLines() {
        assertThat(why(order("O1").line(APPLE, 3, 1000, 100).goodsAmount(3000).paidAmount(3000).build()))
                .isEqualTo("inconsistent amounts: goods_amount 30.00 but the lines add up to 29.00");
    }

    @Test
    void paidAmountMustBeGoodsLessDiscountPlusShipping() {
        assertThat(why(order("O1").line(APPLE, 1, 1000).discount(100).shipping(50).paidAmount(1000).build()))
                .isEqualTo("inconsistent amounts: paid_amount 10.00 but goods_amount - discount_amount + shipping_fee = 9.50");
    }

    @Test
    void theDiscountMayNotExceedTheGoodsEvenWhenShippingPaysForIt() {
        assertThat(why(order("O1").line(APPLE, 1, 1000).discount(1001).shipping(500).build()))
                .isEqualTo("discount_amount 10.01 exceeds goods_amount 10.00");
    }

    @Test
    void anUnknownSkuIsNamed() {
        assertThat(why(order("O1").line(APPLE, 1, 1000).line(UNKNOWN, 1, 10).build()))
                .isEqualTo("line 2 (GHOST): unknown SKU GHOST");
    }

    @Test
    void aSkuOfAnUnknownMerchantIsNamed() {
        var stray = new Catalog.Sku("STRAY", "NOBODY", TemperatureZone.AMBIENT);

        assertThat(why(order("O1").line(stray, 1, 10).build()))
                .isEqualTo("line 1 (STRAY): SKU belongs to unknown merchant NOBODY");
    }

    @Test
    void aZoneThatOnlyAnInactiveWarehouseServesIsNamed() {
        assertThat(why(order("O1").line(CHERRY, 1, 10).build()))
                .isEqualTo("line 1 (CHERRY): no active warehouse supports temperature zone CHILLED");
    }

    @Test
    void duplicateLineNumbersAreRefused() {
        assertThat(why(order("O1").line(1, APPLE, 1, 10, 0).line(1, APPLE, 2, 10, 0).build()))
                .isEqualTo("line 1 (APPLE): duplicate line number");
    }

    @Test
    void negativePricesAndQuantitiesAreRefused() {
        assertThat(why(order("O1").line(APPLE, 1, -10).goodsAmount(0).paidAmount(0).build()))
                .contains("must not be negative");
        assertThat(why(order("O1").line(APPLE, -1, 10).goodsAmount(0).paidAmount(0).build()))
                .contains("quantity must be positive, is -1");
        assertThat(why(order("O1").line(APPLE, 1, 10).discount(-5).build())).isEqualTo("an order amount is negative");
    }

    @Test
    void noLinesAndNoPaymentTimeAreReasonsToo() {
        assertThat(why(order("O1").build())).isEqualTo("order has no lines");
        assertThat(why(order("O1").line(APPLE, 1, 10).paidAtUnknown().build())).contains("paid_at is missing");
    }

    @Test
    void aLineWhoseValueOverflowsIsHeldNotWrappedToASmallAmount() {
        // both values fit the schema: quantity is an INT, unit_price a DECIMAL(14,2)
        PaidOrder absurd = order("O1").line(APPLE, 1 << 30, 17_179_869_184L).goodsAmount(0).paidAmount(0).build();

        assertThat(why(absurd)).isNotNull();
    }
}
