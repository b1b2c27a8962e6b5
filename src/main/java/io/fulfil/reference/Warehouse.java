package io.fulfil.reference;

import java.util.Set;

/** A place that holds stock; it may serve a merchant + zone group when active and supporting the zone. */
public record Warehouse(String code, String name, String province, String city, double latitude, double longitude,
                        int priority, Set<TemperatureZone> zones, boolean active) {

    public boolean canServe(TemperatureZone zone) {
        return active && zones.contains(zone);
    }
}
