package io.fulfil.split;

/** The rule that decided a group (CONTRACT §3), as recorded in the decision trace. */
public enum Rule {
    /** §3.4: one eligible warehouse ships the whole group; the nearest such one. */
    NEAREST_SINGLE("the nearest warehouse that can ship the whole group"),
    /** §3.5: no single warehouse can; the fewest warehouses that cover it, least total distance. */
    FEWEST_WAREHOUSES("the fewest warehouses that together cover the group, least total distance"),
    /** §3.6 SHIP_AVAILABLE: what is available ships, the rest waits in backorder. */
    PARTIAL("not enough stock anywhere: what is available ships, the rest is backordered"),
    /** §3.6 SHIP_AVAILABLE with nothing available at all. */
    NO_STOCK("no eligible warehouse has any of it: all backordered"),
    /** §3.6 WAIT_FOR_ALL: the group cannot ship complete, so all of it waits. */
    WAIT_FOR_ALL("the merchant ships complete groups only and the group cannot be covered: all backordered"),
    /** No active warehouse supports the zone (held on a first split, kept in backorder later). */
    NO_ELIGIBLE_WAREHOUSE("no active warehouse supports this temperature zone");

    private final String description;

    Rule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
