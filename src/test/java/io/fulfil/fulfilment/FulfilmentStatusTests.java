package io.fulfil.fulfilment;

import static io.fulfil.fulfilment.FulfilmentStatus.ALLOCATED;
import static io.fulfil.fulfilment.FulfilmentStatus.CANCELLED;
import static io.fulfil.fulfilment.FulfilmentStatus.DELIVERED;
import static io.fulfil.fulfilment.FulfilmentStatus.EXCEPTION;
import static io.fulfil.fulfilment.FulfilmentStatus.IN_TRANSIT;
import static io.fulfil.fulfilment.FulfilmentStatus.OUT_FOR_DELIVERY;
import static io.fulfil.fulfilment.FulfilmentStatus.PICKED;
import static io.fulfil.fulfilment.FulfilmentStatus.RETURNED;
import static io.fulfil.fulfilment.FulfilmentStatus.SHIPPED;
import static io.fulfil.fulfilment.FulfilmentStatus.WAVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CONTRACT §2: a fulfilment order's status moves forward only; late or repeated events never move it back. */
class FulfilmentStatusTests {

    static final List<FulfilmentStatus> MAIN_LINE = List.of(ALLOCATED, WAVED, PICKED, SHIPPED, IN_TRANSIT,
            OUT_FOR_DELIVERY, DELIVERED);

    @Test
    void theWarehouseMovesOneStepAtATimeAndCarriersMayAlsoSkipAhead() {
        for (int from = 0; from < MAIN_LINE.size(); from++) {
            for (int to = from + 1; to < MAIN_LINE.size(); to++) {
                boolean withCarrier = MAIN_LINE.get(from).isCarrierMainLine();
                assertThat(MAIN_LINE.get(from).canMoveTo(MAIN_LINE.get(to)))
                        .as("%s -> %s", MAIN_LINE.get(from), MAIN_LINE.get(to))
                        .isEqualTo(to == from + 1 || withCarrier);
            }
        }
        assertThatIllegalStateException().isThrownBy(() -> ALLOCATED.moveTo(SHIPPED))
                .withMessage("a fulfilment order cannot move from ALLOCATED to SHIPPED");
    }

    @Test
    void eachStatusUpdateIsGuardedByExactlyItsLegalPredecessors() {
        assertThat(FulfilmentStatus.legalPredecessorsOf(WAVED)).containsExactly(ALLOCATED);
        assertThat(FulfilmentStatus.legalPredecessorsOf(PICKED)).containsExactly(WAVED);
        assertThat(FulfilmentStatus.legalPredecessorsOf(SHIPPED)).containsExactly(PICKED);
        assertThat(FulfilmentStatus.legalPredecessorsOf(CANCELLED)).containsExactlyInAnyOrder(ALLOCATED, WAVED, PICKED);
        assertThat(FulfilmentStatus.legalPredecessorsOf(EXCEPTION))
                .containsExactlyInAnyOrder(SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY);
        assertThat(FulfilmentStatus.legalPredecessorsOf(DELIVERED))
                .containsExactlyInAnyOrder(SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, EXCEPTION);
        assertThat(FulfilmentStatus.sqlList(FulfilmentStatus.HOLDING_STOCK)).isEqualTo("('ALLOCATED', 'PICKED', 'WAVED')");
    }

    @Test
    void anExceptionIsLeftOnlyAtOrAboveTheStatusItWasEnteredFrom() {
        assertThat(FulfilmentStatus.canLeaveException(OUT_FOR_DELIVERY, IN_TRANSIT)).isFalse();
        assertThat(FulfilmentStatus.canLeaveException(OUT_FOR_DELIVERY, SHIPPED)).isFalse();
        assertThat(FulfilmentStatus.canLeaveException(OUT_FOR_DELIVERY, OUT_FOR_DELIVERY)).isTrue();
        assertThat(FulfilmentStatus.canLeaveException(OUT_FOR_DELIVERY, DELIVERED)).isTrue();
        assertThat(FulfilmentStatus.canLeaveException(IN_TRANSIT, RETURNED)).isTrue();
        assertThat(FulfilmentStatus.canLeaveException(SHIPPED, PICKED)).isFalse();
        assertThat(DELIVERED.canMoveTo(EXCEPTION)).isFalse();
        assertThat(WAVED.canMoveTo(EXCEPTION)).isFalse();
    }

    @Test
    void aLateEventNeverMovesAStatusBack() {
        for (int from = 0; from < MAIN_LINE.size(); from++) {
            for (int to = 0; to < from; to++) {
                assertThat(MAIN_LINE.get(from).canMoveTo(MAIN_LINE.get(to)))
                        .as("%s -> %s", MAIN_LINE.get(from), MAIN_LINE.get(to)).isFalse();
            }
        }
        assertThatIllegalStateException().isThrownBy(() -> IN_TRANSIT.moveTo(SHIPPED))
                .withMessage("a fulfilment order cannot move from IN_TRANSIT to SHIPPED");
    }

    @ParameterizedTest
    @EnumSource(FulfilmentStatus.class)
    void aRepeatedEventIsNotAMove(FulfilmentStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @Test
    void aDeliveredReturnedOrCancelledOrderIsFinal() {
        assertThat(EnumSet.allOf(FulfilmentStatus.class)).filteredOn(FulfilmentStatus::isFinal)
                .containsExactlyInAnyOrder(DELIVERED, RETURNED, CANCELLED);
        for (FulfilmentStatus last : List.of(DELIVERED, RETURNED, CANCELLED)) {
            for (FulfilmentStatus next : FulfilmentStatus.values()) {
                assertThat(last.canMoveTo(next)).as("%s -> %s", last, next).isFalse();
            }
        }
    }

    @Test
    void cancellingIsPossibleOnlyBeforeShipping() {
        assertThat(EnumSet.allOf(FulfilmentStatus.class)).filteredOn(s -> s.canMoveTo(CANCELLED))
                .containsExactlyInAnyOrder(ALLOCATED, WAVED, PICKED);
        assertThatIllegalStateException().isThrownBy(() -> SHIPPED.moveTo(CANCELLED))
                .withMessageContaining("SHIPPED to CANCELLED");
    }

    @Test
    void aLiveOrderCanRunIntoAnExceptionOrComeBackReturnedAndLeaveTheExceptionForward() {
        assertThat(IN_TRANSIT.moveTo(EXCEPTION)).isEqualTo(EXCEPTION);
        assertThat(OUT_FOR_DELIVERY.canMoveTo(RETURNED)).isTrue();
        assertThat(EXCEPTION.canMoveTo(DELIVERED)).isTrue();
        assertThat(EXCEPTION.canMoveTo(RETURNED)).isTrue();
        assertThat(EXCEPTION.isSideState()).isTrue();
        assertThat(SHIPPED.isSideState()).isFalse();
    }

    @Test
    void stockIsReleasedOnceItLeftTheWarehouseOrWasCancelled() {
        assertThat(EnumSet.allOf(FulfilmentStatus.class)).filteredOn(FulfilmentStatus::releasedStock)
                .containsExactlyInAnyOrder(SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, RETURNED,
                        CANCELLED);
    }

    @Test
    void anExceptionNeverLeadsBackToBeforeShipping() {
        assertThat(EXCEPTION.canMoveTo(ALLOCATED)).isFalse();
        assertThat(EXCEPTION.canMoveTo(WAVED)).isFalse();
        assertThat(EXCEPTION.canMoveTo(PICKED)).isFalse();
    }

    @Test
    void onlyAnOrderThatShippedCanComeBackReturned() {
        assertThat(ALLOCATED.canMoveTo(RETURNED)).isFalse();
        assertThat(WAVED.canMoveTo(RETURNED)).isFalse();
        assertThat(PICKED.canMoveTo(RETURNED)).isFalse();
    }
}
