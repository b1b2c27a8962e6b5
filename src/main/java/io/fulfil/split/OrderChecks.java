package io.fulfil.split;

import io.fulfil.reference.ReferenceData;
import io.fulfil.support.Money;
import java.util.HashSet;
import java.util.Set;

/** Why a paid order cannot be split (it then goes ON_HOLD with that reason), or null if it can. */
final class OrderChecks {

    private OrderChecks() {
    }

    static String whyNotSplittable(PaidOrder order, ReferenceData reference) {
        try {
            return check(order, reference);
        } catch (ArithmeticException overflow) {
            return "amounts too large to compute exactly (" + overflow.getMessage() + ")";
        }
    }

    private static String check(PaidOrder order, ReferenceData reference) {
        if (order.lines().isEmpty()) {
            return "order has no lines";
        }
        if (!order.paidAtKnown()) {
            return "paid_at is missing, so the order has no place in the serving order";
        }
        if (order.goodsAmount() < 0 || order.discountAmount() < 0 || order.shippingFee() < 0
                || order.paidAmount() < 0) {
            return "an order amount is negative";
        }
        long goods = 0;
        Set<Integer> lineNos = new HashSet<>();
        for (PaidOrder.Line line : order.lines()) {
            String where = "line " + line.lineNo() + " (" + line.skuCode() + ")";
            if (!lineNos.add(line.lineNo())) {
                return where + ": duplicate line number";
            }
            if (line.quantity() <= 0) {
                return where + ": quantity must be positive, is " + line.quantity();
            }
            if (line.unitPrice() < 0 || line.lineDiscount() < 0) {
                return where + ": unit_price and line_discount must not be negative";
            }
            if (line.goodsAmount() < 0) {
                return where + ": line_discount " + Money.format(line.lineDiscount())
                        + " exceeds quantity x unit_price " + Money.format(line.goodsAmount() + line.lineDiscount());
            }
            if (line.skuMerchantCode() == null) {
                return where + ": unknown SKU " + line.skuCode();
            }
            if (reference.merchant(line.skuMerchantCode()).isEmpty()) {
                return where + ": SKU belongs to unknown merchant " + line.skuMerchantCode();
            }
            if (reference.eligibleFor(line.skuZone()).isEmpty()) {
                return where + ": no active warehouse supports temperature zone " + line.skuZone();
            }
            goods = Math.addExact(goods, line.goodsAmount());
        }
        if (goods != order.goodsAmount()) {
            return "inconsistent amounts: goods_amount " + Money.format(order.goodsAmount())
                    + " but the lines add up to " + Money.format(goods);
        }
        long paid = Math.addExact(Math.subtractExact(order.goodsAmount(), order.discountAmount()), order.shippingFee());
        if (paid != order.paidAmount()) {
            return "inconsistent amounts: paid_amount " + Money.format(order.paidAmount())
                    + " but goods_amount - discount_amount + shipping_fee = " + Money.format(paid);
        }
        if (order.discountAmount() > order.goodsAmount()) {
            return "discount_amount " + Money.format(order.discountAmount()) + " exceeds goods_amount "
                    + Money.format(order.goodsAmount());
        }
        return null;
    }
}
