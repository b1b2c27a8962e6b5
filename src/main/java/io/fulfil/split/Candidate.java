package io.fulfil.split;

import io.fulfil.reference.Warehouse;
import java.util.Comparator;

/** An eligible warehouse for a group, with its distance to the ship-to point. */
public record Candidate(Warehouse warehouse, double distanceKm) {

    /** §3.4: nearest, then lower priority, then warehouse code. */
    public static final Comparator<Candidate> NEAREST_FIRST = Comparator.comparingDouble(Candidate::distanceKm)
            .thenComparingInt(c -> c.warehouse().priority())
            .thenComparing(c -> c.warehouse().code());

    public String code() {
        return warehouse.code();
    }
}
