package io.fulfil.reference;

/** Storage temperature a SKU needs and a warehouse can offer. */
public enum TemperatureZone {
    AMBIENT, CHILLED, FROZEN
}
