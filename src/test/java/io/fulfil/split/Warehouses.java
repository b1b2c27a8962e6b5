package io.fulfil.split;

import io.fulfil.fulfilment.FulfilmentNumbers;
import io.fulfil.reference.ReferenceData;
import io.fulfil.reference.TemperatureZone;
import io.fulfil.reference.Warehouse;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Warehouses in the cities of {@link Places}, and the reference data of a planner over them. */
final class Warehouses {

    private Warehouses() {
    }

    static Warehouse active(String code, Places city, int priority, TemperatureZone... zones) {
        return new Warehouse(code, code + " warehouse", "province", city.name(), city.latitude, city.longitude,
                priority, zones(zones), true);
    }

    static Warehouse inactive(String code, Places city, int priority, TemperatureZone... zones) {
        return new Warehouse(code, code + " warehouse", "province", city.name(), city.latitude, city.longitude,
                priority, zones(zones), false);
    }

    static ReferenceData reference(Warehouse... warehouses) {
        return new ReferenceData(Catalog.merchants(), List.of(warehouses));
    }

    static SplitPlanner plannerOver(Warehouse... warehouses) {
        return new SplitPlanner(reference(warehouses), counting());
    }

    /** Fulfilment numbers from 1, as a fresh database's counter gives them. */
    static FulfilmentNumbers counting() {
        AtomicLong last = new AtomicLong();
        return () -> FulfilmentNumbers.format(last.incrementAndGet());
    }

    private static EnumSet<TemperatureZone> zones(TemperatureZone... zones) {
        return zones.length == 0 ? EnumSet.noneOf(TemperatureZone.class) : EnumSet.of(zones[0], zones);
    }
}
