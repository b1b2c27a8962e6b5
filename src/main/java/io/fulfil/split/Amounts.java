package io.fulfil.split;

/**
 * The three apportioned amounts of an order line or of a piece of one, in cents; {@code paid} is
 * always derived as goods − discount + shipping (CONTRACT §3.7).
 */
public record Amounts(long goods, long discount, long shipping) {

    public static final Amounts ZERO = new Amounts(0, 0, 0);

    public long paid() {
        return goods - discount + shipping;
    }

    public Amounts plus(Amounts other) {
        return new Amounts(goods + other.goods, discount + other.discount, shipping + other.shipping);
    }
}
