package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.fulfilment.OrderStatusRollup;
import io.fulfil.fulfilment.ParentOrders;
import io.fulfil.support.KeyLists;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Records carrier events and keeps each parcel's status the replay of its events in event time order
 * ({@link ParcelHistory}), for the carrier events import and for the manifests that ship parcels
 * whose events came first. Runs in the caller's transaction, keeping the one lock order: parent
 * orders, then fulfilment orders. The parent's status is rolled up by the caller, or here when this
 * class took the locks.
 */
@Service
public class ParcelTracking {

    private final EventStore store;
    private final CarrierMapping mapping;
    private final FulfilmentOrders fulfilmentOrders;
    private final ParentOrders parentOrders;
    private final KeyLists keyLists;
    private final Clock clock;

    ParcelTracking(EventStore store, CarrierMapping mapping, FulfilmentOrders fulfilmentOrders,
                   ParentOrders parentOrders, KeyLists keyLists, Clock clock) {
        this.store = store;
        this.mapping = mapping;
        this.fulfilmentOrders = fulfilmentOrders;
        this.parentOrders = parentOrders;
        this.keyLists = keyLists;
        this.clock = clock;
    }

    /**
     * Records a chunk of events (duplicates once) and moves their shipped parcels, under lock; events
     * of parcels not shipped yet wait for their manifest. Rolls the parents up.
     */
    public void record(List<CarrierEventRow> rows, long jobExecutionId) {
        Set<ParcelKey> keys = new TreeSet<>();
        rows.forEach(r -> keys.add(r.parcel()));
        Map<ParcelKey, EventStore.Parcel> parcels = store.parcels(keys);
        Set<String> orderNos = new TreeSet<>();
        parcels.values().forEach(p -> orderNos.add(p.orderNo()));
        Map<String, OrderStatus> parents = parentOrders.lock(orderNos);
        Map<String, FulfilmentOrders.Current> locked = lockParcels(parcels.values());

        Map<ParcelKey, List<EventStore.StoredEvent>> known = store.eventsOf(keys);
        Set<String> seen = new HashSet<>();
        known.values().forEach(es -> es.forEach(e -> seen.add(keyOf(e.parcel(), e.eventCode(), e.eventTime()))));
        List<CarrierEventRow> candidates = new ArrayList<>();
        for (CarrierEventRow r : rows) {
            if (seen.add(r.key())) {
                candidates.add(r);
            }
        }
        Map<ParcelKey, String> fulfilmentNos = new HashMap<>();
        parcels.forEach((k, p) -> fulfilmentNos.put(k, p.fulfilmentNo()));
        LocalDateTime now = LocalDateTime.now(clock);
        // what another import running at the same moment recorded first is a duplicate too
        List<CarrierEventRow> fresh = store.insert(candidates, mapping, fulfilmentNos, now, jobExecutionId);
        Map<ParcelKey, LocalDateTime> waitingSince = new TreeMap<>();
        for (CarrierEventRow r : fresh) {
            if (!parcels.containsKey(r.parcel())) {
                waitingSince.merge(r.parcel(), r.eventTime(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        store.wait(waitingSince);

        Map<ParcelKey, List<TrackedEvent>> histories = new LinkedHashMap<>();
        for (CarrierEventRow r : fresh) {
            if (parcels.containsKey(r.parcel())) {
                histories.computeIfAbsent(r.parcel(), k -> tracked(known.getOrDefault(k, List.of())))
                        .add(new TrackedEvent(r.eventTime(), r.eventCode(), mapping.statusOf(r.carrierCode(), r.eventCode())));
            }
        }
        Set<String> restanding = move(histories, parcels, locked, now);
        // a parent's status derives from its parts' standings (OrderStatusRollup.sameStanding): only parents
        // of parcels that changed standing can change, a delivery above all; a move from one carrier status
        // to another leaves the parent as it is (their statuses as read under lock: nothing here changes a
        // parent before the roll-up)
        Map<String, OrderStatus> movedOrders = new TreeMap<>();
        restanding.forEach(no -> {
            String orderNo = locked.get(no).orderNo();
            movedOrders.put(orderNo, parents.get(orderNo));
        });
        parentOrders.rollUp(movedOrders);
    }

    /**
     * Applies the waiting events of parcels just shipped by the caller, who holds the locks of their
     * parents and fulfilment orders (now SHIPPED) and rolls the parents up afterwards. Returns whether
     * there were any: then some of those fulfilment orders may have moved on from SHIPPED.
     */
    public boolean shipped(List<ShippedParcel> shipped) {
        Map<ParcelKey, ShippedParcel> byKey = new HashMap<>();
        shipped.forEach(s -> byKey.put(s.key(), s));
        Set<ParcelKey> waiting = store.waiting(byKey.keySet());
        if (waiting.isEmpty()) {
            return false;
        }
        Map<ParcelKey, EventStore.Parcel> parcels = new HashMap<>();
        Map<String, FulfilmentOrders.Current> locked = new HashMap<>();
        for (ParcelKey key : waiting) {
            ShippedParcel s = byKey.get(key);
            parcels.put(key, new EventStore.Parcel(key, s.current().fulfilmentNo(), s.current().orderNo()));
            locked.put(s.current().fulfilmentNo(), s.current());
        }
        attachAndMove(parcels, locked);
        return true;
    }

    /** A parcel the caller just shipped: its key and its fulfilment order as it is now (SHIPPED). */
    public record ShippedParcel(ParcelKey key, FulfilmentOrders.Current current) {
    }

    /**
     * Applies the events of parcels that waited for a manifest which has arrived since, at most
     * {@code limit} of them, taking the locks itself; returns how many. Catches the one race the
     * chunk-by-chunk hand-over cannot: a manifest and the first events of its parcel imported at the
     * same moment, each transaction not seeing the other's rows.
     */
    public int settleWaiting(int limit) {
        List<EventStore.Parcel> found = store.shippedWhileWaiting(limit);
        if (found.isEmpty()) {
            return 0;
        }
        Set<String> orderNos = new TreeSet<>();
        found.forEach(p -> orderNos.add(p.orderNo()));
        Map<String, OrderStatus> parents = parentOrders.lock(orderNos);
        Map<ParcelKey, EventStore.Parcel> parcels = new HashMap<>();
        found.forEach(p -> parcels.put(p.key(), p));
        Map<String, FulfilmentOrders.Current> locked = lockParcels(found);
        attachAndMove(parcels, locked);
        parentOrders.rollUp(parents);
        return found.size();
    }

    private void attachAndMove(Map<ParcelKey, EventStore.Parcel> parcels, Map<String, FulfilmentOrders.Current> locked) {
        store.attach(new ArrayList<>(parcels.values()));
        Map<ParcelKey, List<TrackedEvent>> histories = new LinkedHashMap<>();
        store.eventsOf(parcels.keySet()).forEach((key, events) -> histories.put(key, tracked(events)));
        move(histories, parcels, locked, LocalDateTime.now(clock));
    }

    private Map<String, FulfilmentOrders.Current> lockParcels(Collection<EventStore.Parcel> parcels) {
        Set<String> nos = new TreeSet<>();
        parcels.forEach(p -> nos.add(p.fulfilmentNo()));
        Map<String, FulfilmentOrders.Current> locked = new HashMap<>();
        for (List<String> slice : keyLists.slices(nos)) {
            locked.putAll(fulfilmentOrders.lock(slice));
        }
        return locked;
    }

    /**
     * Replays each parcel's whole history and writes the state it gives: DELIVERED and RETURNED are
     * final in event-time order, so an event after them changes nothing, while a late one from before
     * takes its place in the history. Returns the fulfilment orders whose status changed their standing
     * in the parent's roll-up.
     */
    private Set<String> move(Map<ParcelKey, List<TrackedEvent>> histories, Map<ParcelKey, EventStore.Parcel> parcels,
                             Map<String, FulfilmentOrders.Current> locked, LocalDateTime now) {
        List<FulfilmentOrders.Tracking> changes = new ArrayList<>();
        Set<String> restanding = new TreeSet<>();
        Set<String> returned = new TreeSet<>();
        Set<String> delivered = new TreeSet<>();
        histories.forEach((key, events) -> {
            FulfilmentOrders.Current before = locked.get(parcels.get(key).fulfilmentNo());
            if (before == null || !FulfilmentStatus.WITH_CARRIER.contains(before.status())) {
                return;
            }
            ParcelState after = ParcelHistory.replay(events);
            changes.add(new FulfilmentOrders.Tracking(before, after.status(), after.exceptionFrom(),
                    after.deliveredAt(), after.lastEventAt()));
            if (after.status() != before.status()) {
                if (!OrderStatusRollup.sameStanding(before.status(), after.status())) {
                    restanding.add(before.fulfilmentNo());
                }
                if (after.status() == FulfilmentStatus.RETURNED) {
                    returned.add(before.fulfilmentNo());
                } else if (after.status() == FulfilmentStatus.DELIVERED) {
                    delivered.add(before.fulfilmentNo());
                }
            }
        });
        changes.sort(java.util.Comparator.comparing(t -> t.before().fulfilmentNo()));
        fulfilmentOrders.track(changes);
        store.closeIntercepts(returned, delivered, now);
        return restanding;
    }

    private List<TrackedEvent> tracked(List<EventStore.StoredEvent> events) {
        List<TrackedEvent> tracked = new ArrayList<>(events.size() + 4);
        for (EventStore.StoredEvent e : events) {
            tracked.add(new TrackedEvent(e.eventTime(), e.eventCode(),
                    mapping.statusOf(e.parcel().carrierCode(), e.eventCode())));
        }
        return tracked;
    }

    private static String keyOf(ParcelKey parcel, String code, LocalDateTime time) {
        return parcel.carrierCode() + "\u0000" + parcel.trackingNo() + "\u0000" + code + "\u0000" + time;
    }

    /** What these executions recorded: events, of which unknown codes, of which still waiting. */
    public long[] recordedBy(List<Long> jobExecutionIds) {
        return store.recordedBy(jobExecutionIds);
    }
}
