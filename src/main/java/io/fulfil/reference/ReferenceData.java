package io.fulfil.reference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merchants and warehouses as one run sees them. Both are small and change rarely, so a run reads
 * them once and keeps them in memory; SKUs are many and are read with the order lines instead.
 */
public final class ReferenceData {

    private final Map<String, Merchant> merchants;
    private final List<Warehouse> warehouses;

    public ReferenceData(Collection<Merchant> merchants, Collection<Warehouse> warehouses) {
        this.merchants = merchants.stream().collect(Collectors.toUnmodifiableMap(Merchant::code, Function.identity()));
        this.warehouses = List.copyOf(warehouses);
    }

    public Optional<Merchant> merchant(String code) {
        return Optional.ofNullable(merchants.get(code));
    }

    /** Active warehouses that support the zone, in no particular order. */
    public List<Warehouse> eligibleFor(TemperatureZone zone) {
        return warehouses.stream().filter(w -> w.canServe(zone)).toList();
    }

    public List<Warehouse> warehouses() {
        return warehouses;
    }
}
