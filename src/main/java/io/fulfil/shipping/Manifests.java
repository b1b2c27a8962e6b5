package io.fulfil.shipping;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.fulfilment.ParentOrders;
import io.fulfil.imports.ImportKind;
import io.fulfil.imports.ParsedRow;
import io.fulfil.stock.StockLedger;
import io.fulfil.stock.StockMovement;
import io.fulfil.support.csv.CsvCells;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RowError;
import io.fulfil.tracking.CarrierMapping;
import io.fulfil.tracking.ParcelKey;
import io.fulfil.tracking.ParcelTracking;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Shipment manifests (CONTRACT §4, §8.1) as a kind of import: {@code fulfilment_no, carrier_code,
 * tracking_no, shipped_at, weight_grams}, a PICKED fulfilment order handed to a carrier. Applying a
 * row ships it: SHIPPED with its parcel's carrier, tracking number, time and weight, its units out of
 * stock through the ledger ({@code on_hand} and {@code allocated} down), the parcel's events that
 * came before the manifest applied, and the parent rolled up. A row already applied with the same
 * values is unchanged.
 *
 * <p>Rejected, naming the column: an unknown fulfilment order or one that is not PICKED, an unknown
 * carrier, a missing tracking number or one another parcel of that carrier has (in the database or
 * earlier in the file), a {@code shipped_at} that does not parse or lies in the future, a weight that
 * is not a positive whole number.
 */
@Component
public class Manifests implements ImportKind<ManifestRow> {

    static final List<String> COLUMNS = List.of("fulfilment_no", "carrier_code", "tracking_no", "shipped_at",
            "weight_grams");

    private final ShippingStore store;
    private final io.fulfil.stock.HeldUnits heldUnits;
    private final CarrierMapping carriers;
    private final FulfilmentOrders fulfilmentOrders;
    private final ParentOrders parentOrders;
    private final StockLedger stockLedger;
    private final ParcelTracking tracking;
    private final Clock clock;

    Manifests(ShippingStore store, io.fulfil.stock.HeldUnits heldUnits, CarrierMapping carriers, FulfilmentOrders fulfilmentOrders,
              ParentOrders parentOrders, StockLedger stockLedger, ParcelTracking tracking, Clock clock) {
        this.store = store;
        this.heldUnits = heldUnits;
        this.carriers = carriers;
        this.fulfilmentOrders = fulfilmentOrders;
        this.parentOrders = parentOrders;
        this.stockLedger = stockLedger;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "manifests";
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public String key(CsvRow row) {
        String no = row.cell("fulfilment_no");
        return no.isEmpty() ? null : no;
    }

    @Override
    public String keyColumn() {
        return "fulfilment_no";
    }

    @Override
    public String describeKey(CsvRow row) {
        return "fulfilment order " + row.cell("fulfilment_no");
    }

    @Override
    public List<UniqueCells> alsoUnique() {
        return List.of(new UniqueCells("tracking_no",
                row -> row.cell("tracking_no").isEmpty() ? null : row.cell("carrier_code") + "\u0000" + row.cell("tracking_no"),
                row -> "tracking number " + row.cell("carrier_code") + " " + row.cell("tracking_no")));
    }

    @Override
    public ManifestRow parse(CsvRow row) {
        String fulfilmentNo = row.text("fulfilment_no", 80);
        String carrier = row.text("carrier_code", 32);
        String trackingNo = row.code("tracking_no", 64);
        LocalDateTime shippedAt = row.offsetDateTime("shipped_at");
        Integer weight = row.positiveInt("weight_grams");
        if (carrier != null && !carriers.knows(carrier)) {
            row.reject("carrier_code", "unknown carrier " + CsvCells.quote(carrier) + "; known: "
                    + String.join(", ", carriers.carriers()));
        }
        if (shippedAt != null && shippedAt.isAfter(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))) {
            row.reject("shipped_at", "in the future");
        }
        if (row.hasErrors()) {
            return null;
        }
        return new ManifestRow(row.line(), fulfilmentNo, carrier, trackingNo, shippedAt, weight);
    }

    @Override
    public void check(List<ParsedRow<ManifestRow>> rows) {
        List<ManifestRow> values = rows.stream().map(ParsedRow::value).toList();
        Map<String, ShippingStore.Shippable> orders = store.fulfilmentOrders(fulfilmentNos(values));
        List<Verdict> verdicts = judge(values, orders, store.parcelOwners(values.stream().map(ManifestRow::parcel).toList()));
        for (int i = 0; i < rows.size(); i++) {
            Verdict v = verdicts.get(i);
            if (v.column() != null) {
                rows.get(i).row().reject(v.column(), v.reason());
            } else {
                rows.get(i).partitionKey(orders.get(values.get(i).fulfilmentNo()).orderNo());
            }
        }
    }

    /**
     * Applied in partitions by parent order ({@link #check} gives each row its parent as its key): a chunk locks its rows' parents first and holds them to its
     * commit, so rows of one parent in two partitions would wait for each other. The stock rows that
     * partitions share are locked in one order (StockLedger).
     */
    @Override
    public boolean partitioned() {
        return true;
    }

    /** A row's verdict: rejected (column and reason), unchanged (already applied) or to apply. */
    record Verdict(String column, String reason, boolean unchanged) {
        static final Verdict APPLY = new Verdict(null, null, false);
        static final Verdict UNCHANGED = new Verdict(null, null, true);
    }

    /** Judges rows in file order; each accepted row counts as applied for the rows after it. */
    static List<Verdict> judge(List<ManifestRow> rows, Map<String, ShippingStore.Shippable> orders,
                               Map<ParcelKey, String> owners) {
        Map<ParcelKey, String> taken = new HashMap<>(owners);
        List<Verdict> verdicts = new ArrayList<>(rows.size());
        for (ManifestRow r : rows) {
            ShippingStore.Shippable fo = orders.get(r.fulfilmentNo());
            String owner = taken.get(r.parcel());
            Verdict v;
            if (fo == null) {
                v = new Verdict("fulfilment_no", "unknown fulfilment order " + r.fulfilmentNo(), false);
            } else if (fo.parcel() != null) {
                boolean same = fo.parcel().equals(r.parcel()) && r.shippedAt().equals(fo.shippedAt())
                        && Integer.valueOf(r.weightGrams()).equals(fo.weightGrams());
                v = same ? Verdict.UNCHANGED : new Verdict("fulfilment_no", "fulfilment order " + r.fulfilmentNo()
                        + " was already shipped as " + fo.parcel() + " at " + fo.shippedAt() + "Z, "
                        + fo.weightGrams() + " g (now " + fo.status() + ")", false);
            } else if (fo.status() != FulfilmentStatus.PICKED) {
                v = new Verdict("fulfilment_no", "fulfilment order " + r.fulfilmentNo() + " is " + fo.status()
                        + ", not PICKED", false);
            } else if (owner != null && !owner.equals(r.fulfilmentNo())) {
                v = new Verdict("tracking_no", "tracking number " + r.parcel() + " is already fulfilment order "
                        + owner + "'s parcel", false);
            } else {
                v = Verdict.APPLY;
                taken.put(r.parcel(), r.fulfilmentNo());
            }
            verdicts.add(v);
        }
        return verdicts;
    }

    /**
     * Ships a chunk's rows. The parents are locked first (found by a read without locks of the rows'
     * parent order numbers only; a fulfilment order's parent never changes), then the fulfilment
     * orders are read again, as committed now, and judged. No lock on the fulfilment orders is needed for that: a fulfilment order leaves PICKED,
     * and gets a parcel, only under its parent's lock (here, and in cancellation), so what the read
     * shows of a PICKED or shipped one stays true until this chunk commits; one still WAVED is
     * rejected as not picked, as it would be had the pick confirmation come later. The shipments'
     * update keeps its guard (only from PICKED, every row or the chunk fails) all the same. Locks
     * are writes on H2, so taking none here saves a write of every row shipped. The second read sees
     * what committed while this chunk waited for the parents' locks because connections run at
     * READ COMMITTED ({@code spring.datasource.hikari.transaction-isolation}); at REPEATABLE READ it
     * would see the first read's snapshot, and a row shipped or cancelled meanwhile would fail the
     * chunk at the guarded update instead of being refused with its reason. Only the fulfilment
     * orders found by the first read, whose parents are locked, are judged: one that did not
     * exist then is unknown. That second read takes every fulfilment order of the locked parents
     * (through the index by parent order), so the parents' roll-up needs no read of its own: it
     * derives from those statuses with this chunk's shipments applied, unless events that waited for a
     * parcel moved it on from SHIPPED (then the roll-up reads the parts itself).
     */
    @Override
    public List<List<RowError>> apply(List<ManifestRow> rows, String fileName, long jobExecutionId) {
        Map<String, String> parentOf = store.parentsOf(fulfilmentNos(rows));
        Map<String, OrderStatus> parents = parentOrders.lock(new TreeSet<>(parentOf.values()));
        // all the parents' fulfilment orders: this chunk's to judge, and every one for the roll-up
        Map<String, ShippingStore.Shippable> family = store.fulfilmentOrdersOf(parents.keySet());
        Map<String, ShippingStore.Shippable> orders = new HashMap<>();
        parentOf.keySet().forEach(no -> {
            ShippingStore.Shippable fo = family.get(no);
            if (fo != null) {
                orders.put(no, fo);
            }
        });
        List<Verdict> verdicts = judge(rows, orders, store.parcelOwners(rows.stream().map(ManifestRow::parcel).toList()));
        List<List<RowError>> rejected = new ArrayList<>();
        List<ManifestRow> accepted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Verdict v = verdicts.get(i);
            ManifestRow r = rows.get(i);
            if (v.column() != null) {
                String strayParent = orders.containsKey(r.fulfilmentNo()) ? null : parentOf.get(r.fulfilmentNo());
                String reason = strayParent == null ? v.reason()
                        : strayReason(r.fulfilmentNo(), strayParent, parents.containsKey(strayParent));
                rejected.add(List.of(new RowError(fileName, r.line(), v.column(), valueOf(r, v.column()), reason)));
            } else if (!v.unchanged()) {
                accepted.add(r);
            }
        }
        boolean movedOn = !accepted.isEmpty() && ship(accepted, orders, jobExecutionId);
        // the parents' statuses as locked: nothing in this chunk changed a parent before its roll-up
        if (movedOn) {
            parentOrders.rollUp(parents);
        } else {
            parentOrders.rollUp(parents, partsAfter(family, accepted));
        }
        return rejected;
    }

    /**
     * Why a fulfilment order that exists but is not among its parent's fulfilment orders (as the
     * apply finds them, through the parent) is refused: data to repair, not an unknown row.
     */
    private static String strayReason(String fulfilmentNo, String orderNo, boolean parentExists) {
        return "fulfilment order " + fulfilmentNo + " is not among the fulfilment orders of its parent order "
                + orderNo + (parentExists ? " (their split_key differs)" : " (no such order)") + "; nothing shipped";
    }

    /** Each parent's fulfilment orders' statuses once the accepted rows are shipped. */
    private static Map<String, List<FulfilmentStatus>> partsAfter(Map<String, ShippingStore.Shippable> family,
                                                                  List<ManifestRow> accepted) {
        Set<String> shipped = new HashSet<>();
        accepted.forEach(r -> shipped.add(r.fulfilmentNo()));
        Map<String, List<FulfilmentStatus>> parts = new HashMap<>();
        family.values().forEach(fo -> parts.computeIfAbsent(fo.orderNo(), k -> new ArrayList<>())
                .add(shipped.contains(fo.fulfilmentNo()) ? FulfilmentStatus.SHIPPED : fo.status()));
        return parts;
    }

    /**
     * Ships the accepted rows; returns whether events that waited for some of their parcels were
     * applied (then those fulfilment orders may have moved on from SHIPPED).
     */
    private boolean ship(List<ManifestRow> accepted, Map<String, ShippingStore.Shippable> orders, long jobExecutionId) {
        Map<String, String> warehouses = new HashMap<>();
        accepted.forEach(r -> warehouses.put(r.fulfilmentNo(), orders.get(r.fulfilmentNo()).warehouseCode()));
        var units = heldUnits.of(warehouses);
        List<StockMovement> movements = new ArrayList<>();
        List<FulfilmentOrders.Shipment> shipments = new ArrayList<>();
        List<ParcelTracking.ShippedParcel> parcels = new ArrayList<>();
        String actor = "import-manifests run " + jobExecutionId;
        for (ManifestRow r : accepted) {
            ShippingStore.Shippable before = orders.get(r.fulfilmentNo());
            units.getOrDefault(r.fulfilmentNo(), Map.of()).forEach((stock, qty) -> movements.add(
                    StockMovement.ship(stock, qty, r.fulfilmentNo(), before.orderNo(), actor, r.shippedAt())));
            shipments.add(new FulfilmentOrders.Shipment(r.fulfilmentNo(), r.carrierCode(), r.trackingNo(),
                    r.shippedAt(), r.weightGrams()));
            parcels.add(new ParcelTracking.ShippedParcel(r.parcel(), new FulfilmentOrders.Current(before.fulfilmentNo(),
                    before.orderNo(), before.warehouseCode(), before.temperatureZone(), FulfilmentStatus.SHIPPED, null,
                    before.waveNo())));
        }
        shipments.sort(java.util.Comparator.comparing(FulfilmentOrders.Shipment::fulfilmentNo));
        fulfilmentOrders.ship(shipments);
        stockLedger.apply(movements, jobExecutionId);
        return tracking.shipped(parcels);
    }

    private static Set<String> fulfilmentNos(List<ManifestRow> rows) {
        Set<String> nos = new TreeSet<>();
        rows.forEach(r -> nos.add(r.fulfilmentNo()));
        return nos;
    }

    private static String valueOf(ManifestRow row, String column) {
        return switch (column) {
            case "fulfilment_no" -> row.fulfilmentNo();
            case "carrier_code" -> row.carrierCode();
            case "tracking_no" -> row.trackingNo();
            case "weight_grams" -> Integer.toString(row.weightGrams());
            default -> row.shippedAt().toString();
        };
    }

    @Override
    public boolean settles() {
        return true;
    }

    @Override
    public int settle(int limit) {
        return tracking.settleWaiting(limit);
    }

    @Override
    public Map<String, Long> outcome(List<Long> jobExecutionIds) {
        Map<String, Long> outcome = new LinkedHashMap<>();
        outcome.put("applied", store.shippedBy(jobExecutionIds));
        return outcome;
    }
}
