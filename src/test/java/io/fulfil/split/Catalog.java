package io.fulfil.split;

import io.fulfil.reference.BackorderPolicy;
import io.fulfil.reference.Merchant;
import io.fulfil.reference.TemperatureZone;
import java.util.List;

/**
 * The merchants and SKUs the planner tests sell: a fruit shop that ships what it has, a dairy that
 * ships complete groups only ({@code WAIT_FOR_ALL}), and a tea shop that ships what it has.
 */
final class Catalog {

    static final String FRUIT_SHOP = "FRUIT";
    static final String DAIRY = "DAIRY";
    static final String TEA_SHOP = "TEA";

    static final Sku APPLE = new Sku("APPLE", FRUIT_SHOP, TemperatureZone.AMBIENT);
    static final Sku PEAR = new Sku("PEAR", FRUIT_SHOP, TemperatureZone.AMBIENT);
    static final Sku CHERRY = new Sku("CHERRY", FRUIT_SHOP, TemperatureZone.CHILLED);
    static final Sku MILK = new Sku("MILK", DAIRY, TemperatureZone.CHILLED);
    static final Sku YOGURT = new Sku("YOGURT", DAIRY, TemperatureZone.CHILLED);
    static final Sku ICE_CREAM = new Sku("ICE_CREAM", DAIRY, TemperatureZone.FROZEN);
    static final Sku GREEN_TEA = new Sku("GREEN_TEA", TEA_SHOP, TemperatureZone.AMBIENT);
    /** A SKU code the sku table does not know. */
    static final Sku UNKNOWN = new Sku("GHOST", null, null);

    private Catalog() {
    }

    static List<Merchant> merchants() {
        return List.of(new Merchant(FRUIT_SHOP, "果园", BackorderPolicy.SHIP_AVAILABLE),
                new Merchant(DAIRY, "牧场", BackorderPolicy.WAIT_FOR_ALL),
                new Merchant(TEA_SHOP, "茶庄", BackorderPolicy.SHIP_AVAILABLE));
    }

    /** What the sku table says about a SKU; merchant and zone are null for an unknown one. */
    record Sku(String code, String merchantCode, TemperatureZone zone) {
    }
}
