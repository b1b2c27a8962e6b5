package io.fulfil.split;

import io.fulfil.reference.TemperatureZone;
import java.util.List;

/** A paid order as the shop wrote it, about to be split for the first time. Money in cents. */
public record PaidOrder(String orderNo, ShipPoint shipTo, long goodsAmount, long discountAmount, long shippingFee,
                        long paidAmount, boolean paidAtKnown, List<Line> lines) {

    /**
     * An order line with what the SKU table says about its SKU; {@code skuMerchantCode} and
     * {@code skuZone} are null when the SKU is unknown.
     */
    public record Line(int lineNo, String skuCode, int quantity, long unitPrice, long lineDiscount,
                       String skuMerchantCode, TemperatureZone skuZone) {

        /** quantity × unit_price − line_discount; throws ArithmeticException if it does not fit a long. */
        public long goodsAmount() {
            return Math.subtractExact(Math.multiplyExact((long) quantity, unitPrice), lineDiscount);
        }
    }
}
