package io.fulfil.tracking;

import static io.fulfil.fulfilment.FulfilmentStatus.DELIVERED;
import static io.fulfil.fulfilment.FulfilmentStatus.EXCEPTION;
import static io.fulfil.fulfilment.FulfilmentStatus.IN_TRANSIT;
import static io.fulfil.fulfilment.FulfilmentStatus.OUT_FOR_DELIVERY;
import static io.fulfil.fulfilment.FulfilmentStatus.RETURNED;
import static io.fulfil.fulfilment.FulfilmentStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT §8.3: a parcel's status is the replay of its events in event-time order, whatever order
 * they arrived in. Events are written {@code at(hour, status)}: an event at that hour of one day.
 */
class ParcelHistoryTests {

    static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 21, 0, 0);

    static TrackedEvent at(int hour, FulfilmentStatus status) {
        return new TrackedEvent(DAY.plusHours(hour), status == null ? "??" : status.name(), status);
    }

    static TrackedEvent at(int hour, String code, FulfilmentStatus status) {
        return new TrackedEvent(DAY.plusHours(hour), code, status);
    }

    static ParcelState replay(TrackedEvent... events) {
        return ParcelHistory.replay(List.of(events));
    }

    @Test
    void noEventsLeavesTheParcelShipped() {
        assertThat(replay()).isEqualTo(ParcelState.SHIPPED);
    }

    @Test
    void theMainLineMovesForwardSkippingLostSteps() {
        assertThat(replay(at(1, IN_TRANSIT)).status()).isEqualTo(IN_TRANSIT);
        assertThat(replay(at(1, IN_TRANSIT), at(2, OUT_FOR_DELIVERY)).status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(replay(at(1, OUT_FOR_DELIVERY)).status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(replay(at(1, DELIVERED)).status()).isEqualTo(DELIVERED);
    }

    @Test
    void theMainLineNeverMovesBack() {
        // a later in-transit scan after out-for-delivery (a re-sort) does not move the parcel back
        ParcelState s = replay(at(1, IN_TRANSIT), at(2, OUT_FOR_DELIVERY), at(3, "30", IN_TRANSIT));
        assertThat(s.status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(s.lastEventAt()).as("the latest event is still news").isEqualTo(DAY.plusHours(3));
        assertThat(replay(at(1, OUT_FOR_DELIVERY), at(2, IN_TRANSIT)).status()).isEqualTo(OUT_FOR_DELIVERY);
    }

    static Stream<Arguments> exceptionEntries() {
        return Stream.of(
                Arguments.of(List.of(), SHIPPED),
                Arguments.of(List.of(at(1, IN_TRANSIT)), IN_TRANSIT),
                Arguments.of(List.of(at(1, IN_TRANSIT), at(2, OUT_FOR_DELIVERY)), OUT_FOR_DELIVERY));
    }

    @ParameterizedTest(name = "from {1}")
    @MethodSource("exceptionEntries")
    void anExceptionIsEnteredFromAnyMainLineStatusBeforeDeliveredAndRemembersIt(List<TrackedEvent> before,
                                                                                FulfilmentStatus from) {
        List<TrackedEvent> events = new ArrayList<>(before);
        events.add(at(5, EXCEPTION));
        ParcelState s = ParcelHistory.replay(events);
        assertThat(s.status()).isEqualTo(EXCEPTION);
        assertThat(s.exceptionFrom()).isEqualTo(from);
        assertThat(s.deliveredAt()).isNull();
    }

    @Test
    void anExceptionIsLeftOnlyAtOrAboveTheStatusItWasEnteredFrom() {
        // entered from OUT_FOR_DELIVERY: an in-transit scan does not leave it
        assertThat(replay(at(1, OUT_FOR_DELIVERY), at(2, EXCEPTION), at(3, IN_TRANSIT)).status()).isEqualTo(EXCEPTION);
        assertThat(replay(at(1, OUT_FOR_DELIVERY), at(2, EXCEPTION), at(3, IN_TRANSIT)).exceptionFrom())
                .isEqualTo(OUT_FOR_DELIVERY);
        // at the same status, or above, it does
        ParcelState same = replay(at(1, OUT_FOR_DELIVERY), at(2, EXCEPTION), at(3, OUT_FOR_DELIVERY));
        assertThat(same.status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(same.exceptionFrom()).isNull();
        assertThat(replay(at(1, IN_TRANSIT), at(2, EXCEPTION), at(3, "30", IN_TRANSIT)).status()).isEqualTo(IN_TRANSIT);
        assertThat(replay(at(1, IN_TRANSIT), at(2, EXCEPTION), at(3, DELIVERED)).status()).isEqualTo(DELIVERED);
        // entered from SHIPPED: any carrier news leaves it
        assertThat(replay(at(2, EXCEPTION), at(3, IN_TRANSIT)).status()).isEqualTo(IN_TRANSIT);
        // and a second exception enters from the new status
        ParcelState twice = replay(at(2, EXCEPTION), at(3, IN_TRANSIT), at(4, OUT_FOR_DELIVERY), at(5, "33", EXCEPTION),
                at(6, "31", IN_TRANSIT));
        assertThat(twice.status()).isEqualTo(EXCEPTION);
        assertThat(twice.exceptionFrom()).isEqualTo(OUT_FOR_DELIVERY);
    }

    @Test
    void aReturnLeavesAnException() {
        assertThat(replay(at(1, IN_TRANSIT), at(2, EXCEPTION), at(3, RETURNED)).status()).isEqualTo(RETURNED);
    }

    @ParameterizedTest
    @EnumSource(value = FulfilmentStatus.class, names = {"IN_TRANSIT", "OUT_FOR_DELIVERY", "EXCEPTION", "RETURNED"})
    void deliveredIsFinal(FulfilmentStatus later) {
        ParcelState s = replay(at(1, IN_TRANSIT), at(2, DELIVERED), at(3, "late", later));
        assertThat(s.status()).isEqualTo(DELIVERED);
        assertThat(s.deliveredAt()).isEqualTo(DAY.plusHours(2));
    }

    @ParameterizedTest
    @EnumSource(value = FulfilmentStatus.class, names = {"IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "EXCEPTION"})
    void returnedIsFinal(FulfilmentStatus later) {
        ParcelState s = replay(at(1, IN_TRANSIT), at(2, RETURNED), at(3, "late", later));
        assertThat(s.status()).isEqualTo(RETURNED);
        assertThat(s.deliveredAt()).isNull();
    }

    @Test
    void aReturnComesFromAnyCarrierStatus() {
        assertThat(replay(at(1, RETURNED)).status()).isEqualTo(RETURNED);
        assertThat(replay(at(1, OUT_FOR_DELIVERY), at(2, RETURNED)).status()).isEqualTo(RETURNED);
    }

    @Test
    void anUnknownCodeChangesNothing() {
        ParcelState before = replay(at(1, IN_TRANSIT), at(2, EXCEPTION));
        ParcelState after = replay(at(1, IN_TRANSIT), at(2, EXCEPTION), at(3, "NEVER_MAPPED", null));
        assertThat(after).isEqualTo(before);
        assertThat(after.lastEventAt()).as("an unknown code is no news").isEqualTo(DAY.plusHours(2));
        assertThat(replay(at(3, "NEVER_MAPPED", null))).isEqualTo(ParcelState.SHIPPED);
    }

    @Test
    void deliveredAtIsTheTimeOfTheDeliveringEvent() {
        assertThat(replay(at(1, IN_TRANSIT), at(7, DELIVERED), at(9, "late", IN_TRANSIT)).deliveredAt())
                .isEqualTo(DAY.plusHours(7));
        // two delivering scans: the first delivered it, whichever arrived first
        assertThat(ParcelHistory.replay(List.of(at(8, "80b", DELIVERED), at(6, "80", DELIVERED))).deliveredAt())
                .isEqualTo(DAY.plusHours(6));
        assertThat(replay(at(1, IN_TRANSIT)).deliveredAt()).isNull();
    }

    @Test
    void aLateEventThatHappenedEarlierTakesItsPlaceInTheHistory() {
        // arrived: exception at 5, then in-transit at 6 leaves it; a late out-for-delivery at 4 arrives
        // last. In time order the exception was entered from OUT_FOR_DELIVERY, so IN_TRANSIT cannot leave it.
        assertThat(ParcelHistory.replay(List.of(at(5, EXCEPTION), at(6, IN_TRANSIT), at(4, OUT_FOR_DELIVERY))).status())
                .isEqualTo(EXCEPTION);
    }

    /** Realistic histories of one parcel, as carriers send them: in order, with repeats and odd codes. */
    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("straight delivery", List.of(at(1, "50", IN_TRANSIT), at(2, "30", IN_TRANSIT),
                        at(3, "31", IN_TRANSIT), at(4, "44", OUT_FOR_DELIVERY), at(5, "80", DELIVERED))),
                Arguments.of("exception left", List.of(at(1, "50", IN_TRANSIT), at(2, "70", EXCEPTION),
                        at(3, "30", IN_TRANSIT), at(4, "44", OUT_FOR_DELIVERY), at(5, "33", EXCEPTION),
                        at(6, "31", IN_TRANSIT), at(7, "80", DELIVERED))),
                Arguments.of("exception kept", List.of(at(1, "50", IN_TRANSIT), at(2, "44", OUT_FOR_DELIVERY),
                        at(3, "70", EXCEPTION), at(4, "30", IN_TRANSIT), at(5, "X1", null))),
                Arguments.of("returned", List.of(at(1, "50", IN_TRANSIT), at(2, "70", EXCEPTION), at(3, "99", RETURNED),
                        at(4, "44", OUT_FOR_DELIVERY), at(5, "80", DELIVERED))),
                Arguments.of("same instant", List.of(at(1, "50", IN_TRANSIT), at(2, "44", OUT_FOR_DELIVERY),
                        at(2, "70", EXCEPTION), at(2, "31", IN_TRANSIT), at(3, "30", IN_TRANSIT), at(3, "80", DELIVERED),
                        at(3, "99", RETURNED))),
                Arguments.of("repeated and unknown", List.of(at(1, "50", IN_TRANSIT), at(1, "50", IN_TRANSIT),
                        at(2, "??", null), at(2, "70", EXCEPTION), at(2, "70", EXCEPTION), at(4, "44", OUT_FOR_DELIVERY))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void everyArrivalOrderGivesOneOutcome(String name, List<TrackedEvent> events) {
        ParcelState expected = ParcelHistory.replay(events);
        if (events.size() <= 7) {
            for (List<TrackedEvent> order : permutations(events)) {
                assertThat(ParcelHistory.replay(order)).as(order.toString()).isEqualTo(expected);
            }
        }
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 200; i++) {
            List<TrackedEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(ParcelHistory.replay(shuffled)).as(shuffled.toString()).isEqualTo(expected);
        }
        // and applying them one by one in time order (the incremental path) agrees with the replay
        List<TrackedEvent> inOrder = new ArrayList<>(events);
        inOrder.sort(TrackedEvent.TIME_ORDER);
        ParcelState step = ParcelState.SHIPPED;
        for (TrackedEvent e : inOrder) {
            step = ParcelHistory.apply(step, e);
        }
        assertThat(step).isEqualTo(expected);
    }

    @Test
    void theHistoriesEndWhereTheContractSays() {
        List<List<TrackedEvent>> h = histories().map(a -> (List<TrackedEvent>) a.get()[1]).toList();
        assertThat(ParcelHistory.replay(h.get(0))).isEqualTo(new ParcelState(DELIVERED, null, DAY.plusHours(5), DAY.plusHours(5)));
        assertThat(ParcelHistory.replay(h.get(1)).status()).isEqualTo(DELIVERED);
        assertThat(ParcelHistory.replay(h.get(1)).deliveredAt()).isEqualTo(DAY.plusHours(7));
        assertThat(ParcelHistory.replay(h.get(2))).isEqualTo(new ParcelState(EXCEPTION, OUT_FOR_DELIVERY, null, DAY.plusHours(4)));
        assertThat(ParcelHistory.replay(h.get(3)).status()).isEqualTo(RETURNED);
        // same instant: main-line order first (OFD, then IN_TRANSIT can't go back, EXCEPTION from OFD);
        // at 3, DELIVERED leaves the exception and is final
        assertThat(ParcelHistory.replay(h.get(4)).status()).isEqualTo(DELIVERED);
        assertThat(ParcelHistory.replay(h.get(5)).status()).isEqualTo(OUT_FOR_DELIVERY);
    }

    /**
     * The database keeps each parcel at the replay of the events it has so far, and moves it to the
     * replay of all its events when more arrive (ParcelTracking, FulfilmentOrders.track): that move
     * must always be legal for the status machine (else the import fails): a move of the machine, or
     * from one final status to the other when a late event shows that one was reached first.
     */
    @Test
    void eventsArrivingInTwoBatchesEndWhereAllAtOnceEndAndEachStepIsLegal() {
        FulfilmentStatus[] statuses = {IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, RETURNED, null};
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            List<TrackedEvent> events = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                FulfilmentStatus s = statuses[random.nextInt(statuses.length)];
                events.add(at(random.nextInt(8), "c" + i, s));
            }
            Collections.shuffle(events, random);
            int cut = random.nextInt(n + 1);
            ParcelState first = ParcelHistory.replay(events.subList(0, cut));
            ParcelState all = ParcelHistory.replay(events);
            FulfilmentStatus from = first.status();
            boolean legal = all.status() == from || (from == EXCEPTION
                    ? FulfilmentStatus.canLeaveException(first.exceptionFrom(), all.status())
                    : from.canMoveTo(all.status()))
                    || FulfilmentStatus.finalReachedEarlier(from, all.status());
            assertThat(legal).as("%s then %s: %s -> %s", events.subList(0, cut), events.subList(cut, n), first, all)
                    .isTrue();
        }
    }

    static List<List<TrackedEvent>> permutations(List<TrackedEvent> events) {
        List<List<TrackedEvent>> all = new ArrayList<>();
        permute(new ArrayList<>(events), 0, all);
        return all;
    }

    private static void permute(List<TrackedEvent> events, int k, List<List<TrackedEvent>> out) {
        if (k == events.size()) {
            out.add(List.copyOf(events));
            return;
        }
        for (int i = k; i < events.size(); i++) {
            Collections.swap(events, k, i);
            permute(events, k + 1, out);
            Collections.swap(events, k, i);
        }
    }
}
