package io.fulfil.split;

import static io.fulfil.split.Catalog.APPLE;
import static io.fulfil.split.Catalog.CHERRY;
import static io.fulfil.split.Catalog.GREEN_TEA;
import static io.fulfil.split.Catalog.MILK;
import static io.fulfil.split.Catalog.PEAR;

import io.fulfil.split.Catalog.Sku;
import java.util.ArrayList;
import java.util.List;

/**
 * Paid orders for the planner tests. {@link #order(String)} builds a consistent order (goods and paid
 * amounts computed from the lines) unless an amount is set on purpose; the named methods are the
 * situations the tests talk about. Money in cents.
 */
final class Orders {

    private Orders() {
    }

    static Builder order(String orderNo) {
        return new Builder(orderNo);
    }

    /** Fruit (ambient) and tea (ambient) from two merchants, and a chilled fruit line: three groups. */
    static PaidOrder twoMerchantsOneChilledLine() {
        return order("O-MIXED").shipTo(Places.SHANGHAI)
                .line(APPLE, 2, 500)
                .line(GREEN_TEA, 1, 3000)
                .line(CHERRY, 3, 1200)
                .line(PEAR, 4, 250)
                .discount(500).shipping(1000).build();
    }

    /** Two apples from the fruit shop, nothing else. */
    static PaidOrder twoApples(String orderNo) {
        return order(orderNo).shipTo(Places.SHANGHAI).line(APPLE, 2, 500).build();
    }

    /** Three equally priced lines and a 1.00 discount: 0.34, 0.33, 0.33. */
    static PaidOrder threeEqualLinesOneYuanOff() {
        return order("O-EQUAL").shipTo(Places.SHANGHAI)
                .line(APPLE, 1, 1000).line(PEAR, 1, 1000).line(GREEN_TEA, 1, 1000)
                .discount(100).build();
    }

    /**
     * 20.00 + 30.00 + 50.00 of goods, 10.00 off and 10.01 shipping: discount 2.00 / 3.00 / 5.00,
     * shipping 2.00 / 3.00 / 5.01 (the spare cent has the largest remainder, 0.5, on line 3).
     */
    static PaidOrder hundredYuanTenOffTenOneShipping() {
        return order("O-WORKED").shipTo(Places.SHANGHAI)
                .line(APPLE, 2, 1000).line(PEAR, 3, 1000).line(GREEN_TEA, 1, 5000)
                .discount(1000).shipping(1001).build();
    }

    /** A paid line and a free gift: the gift carries no discount and no shipping. */
    static PaidOrder paidLineAndFreeGift() {
        return order("O-GIFT").shipTo(Places.SHANGHAI)
                .line(APPLE, 3, 1000).line(PEAR, 1, 0)
                .discount(300).shipping(700).build();
    }

    /** Only free gifts: the shipping fee is spread by quantity, 1 : 3. */
    static PaidOrder onlyFreeGifts() {
        return order("O-FREE").shipTo(Places.SHANGHAI)
                .line(APPLE, 1, 0).line(PEAR, 3, 0)
                .shipping(1000).build();
    }

    /** Milk and yogurt from the dairy, which ships complete groups only. */
    static PaidOrder milkAndYogurtForTheDairy(String orderNo, int milk, int yogurt) {
        return order(orderNo).shipTo(Places.SHANGHAI)
                .line(MILK, milk, 800).line(Catalog.YOGURT, yogurt, 600).build();
    }

    static final class Builder {

        private final String orderNo;
        private final List<PaidOrder.Line> lines = new ArrayList<>();
        private ShipPoint shipTo = Places.SHANGHAI.shipPoint();
        private long discount;
        private long shipping;
        private Long goodsOverride;
        private Long paidOverride;
        private boolean paidAtKnown = true;

        private Builder(String orderNo) {
            this.orderNo = orderNo;
        }

        Builder shipTo(Places city) {
            this.shipTo = city.shipPoint();
            return this;
        }

        Builder shipTo(ShipPoint point) {
            this.shipTo = point;
            return this;
        }

        Builder line(Sku sku, int quantity, long unitPrice) {
            return line(sku, quantity, unitPrice, 0);
        }

        Builder line(Sku sku, int quantity, long unitPrice, long lineDiscount) {
            return line(lines.size() + 1, sku, quantity, unitPrice, lineDiscount);
        }

        Builder line(int lineNo, Sku sku, int quantity, long unitPrice, long lineDiscount) {
            lines.add(new PaidOrder.Line(lineNo, sku.code(), quantity, unitPrice, lineDiscount, sku.merchantCode(),
                    sku.zone()));
            return this;
        }

        Builder discount(long cents) {
            this.discount = cents;
            return this;
        }

        Builder shipping(long cents) {
            this.shipping = cents;
            return this;
        }

        /** Sets goods_amount regardless of the lines (to make an inconsistent order). */
        Builder goodsAmount(long cents) {
            this.goodsOverride = cents;
            return this;
        }

        /** Sets paid_amount regardless of the other amounts (to make an inconsistent order). */
        Builder paidAmount(long cents) {
            this.paidOverride = cents;
            return this;
        }

        Builder paidAtUnknown() {
            this.paidAtKnown = false;
            return this;
        }

        PaidOrder build() {
            long goods = goodsOverride != null ? goodsOverride
                    : lines.stream().mapToLong(PaidOrder.Line::goodsAmount).sum();
            long paid = paidOverride != null ? paidOverride : goods - discount + shipping;
            return new PaidOrder(orderNo, shipTo, goods, discount, shipping, paid, paidAtKnown, List.copyOf(lines));
        }
    }
}
