package io.fulfil.split;

import io.fulfil.reference.TemperatureZone;
import java.util.Comparator;

/** A merchant + temperature zone group: the unit that is shipped from one or more warehouses. */
public record GroupKey(String merchantCode, TemperatureZone zone) {

    static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::merchantCode)
            .thenComparing(GroupKey::zone);
}
