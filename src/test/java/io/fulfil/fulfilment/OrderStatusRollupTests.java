package io.fulfil.fulfilment;

import static io.fulfil.fulfilment.FulfilmentStatus.ALLOCATED;
import static io.fulfil.fulfilment.FulfilmentStatus.CANCELLED;
import static io.fulfil.fulfilment.FulfilmentStatus.DELIVERED;
import static io.fulfil.fulfilment.FulfilmentStatus.IN_TRANSIT;
import static io.fulfil.fulfilment.FulfilmentStatus.PICKED;
import static io.fulfil.fulfilment.FulfilmentStatus.RETURNED;
import static io.fulfil.fulfilment.FulfilmentStatus.SHIPPED;
import static io.fulfil.fulfilment.FulfilmentStatus.WAVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTRACT §2: after the first split the order's status is derived from its parts, never set by one event. */
class OrderStatusRollupTests {

    static OrderStatus rollup(boolean backorder, FulfilmentStatus... fulfilments) {
        return OrderStatusRollup.derive(List.of(fulfilments), backorder);
    }

    @Test
    void nothingAllocatedYetIsBackordered() {
        assertThat(rollup(true)).isEqualTo(OrderStatus.BACKORDERED);
        assertThat(rollup(true, CANCELLED)).isEqualTo(OrderStatus.BACKORDERED);
    }

    @Test
    void someAllocatedAndSomeWaitingIsPartiallyAllocated() {
        assertThat(rollup(true, ALLOCATED)).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
        assertThat(rollup(true, WAVED, PICKED)).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
    }

    @Test
    void everythingInFulfilmentOrdersIsAllocatedWhateverTheWarehouseHasDoneYet() {
        assertThat(rollup(false, ALLOCATED, ALLOCATED)).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(rollup(false, ALLOCATED, WAVED, PICKED)).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void someShippedIsPartiallyShippedAndAllShippedIsShipped() {
        assertThat(rollup(false, SHIPPED, PICKED)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(true, SHIPPED, IN_TRANSIT)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(false, SHIPPED, IN_TRANSIT)).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void someDeliveredIsPartiallyDeliveredAndAllDeliveredIsDelivered() {
        assertThat(rollup(false, DELIVERED, IN_TRANSIT)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        assertThat(rollup(false, DELIVERED, ALLOCATED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        assertThat(rollup(true, DELIVERED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        assertThat(rollup(false, DELIVERED, DELIVERED)).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void cancelledFulfilmentOrdersAreIgnored() {
        assertThat(rollup(false, DELIVERED, CANCELLED)).isEqualTo(OrderStatus.DELIVERED);
        assertThat(rollup(false, SHIPPED, CANCELLED)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(rollup(false, ALLOCATED, CANCELLED)).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(rollup(true, ALLOCATED, CANCELLED)).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
        assertThat(rollup(false, CANCELLED, CANCELLED)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(rollup(false)).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aReturnedOrderWentOutWithACarrierSoItCountsAsShipped() {
        assertThat(rollup(false, RETURNED, SHIPPED)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(rollup(false, RETURNED, DELIVERED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
    }

    @Test
    void aParcelInExceptionIsWithACarrierSoItCountsAsShipped() {
        assertThat(rollup(false, FulfilmentStatus.EXCEPTION, SHIPPED)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(rollup(false, FulfilmentStatus.EXCEPTION, PICKED)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(true, FulfilmentStatus.EXCEPTION)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
    }

    /** CONTRACT §8.4: every status a carrier has counts as shipped, alone and beside the others. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = FulfilmentStatus.class,
            names = {"SHIPPED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "EXCEPTION", "RETURNED"})
    void everyStatusWithACarrierCountsAsShipped(FulfilmentStatus withCarrier) {
        assertThat(rollup(false, withCarrier)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(rollup(false, withCarrier, IN_TRANSIT, CANCELLED)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(rollup(false, withCarrier, WAVED)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(false, withCarrier, ALLOCATED)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(true, withCarrier)).as("all shipped but a backorder").isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(false, withCarrier, DELIVERED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
    }

    /** CONTRACT §8.4 row by row, in the order the contract gives them (the first that matches wins). */
    @Test
    void theContractsRowsInTheirOrder() {
        // all DELIVERED and no backorder
        assertThat(rollup(false, DELIVERED)).isEqualTo(OrderStatus.DELIVERED);
        assertThat(rollup(false, DELIVERED, DELIVERED, CANCELLED)).isEqualTo(OrderStatus.DELIVERED);
        // some DELIVERED: also when all are delivered but a backorder waits, or one came back
        assertThat(rollup(true, DELIVERED, DELIVERED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        assertThat(rollup(true, DELIVERED, CANCELLED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        assertThat(rollup(false, DELIVERED, FulfilmentStatus.OUT_FOR_DELIVERY)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        assertThat(rollup(false, DELIVERED, WAVED)).isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
        // all shipped and no backorder
        assertThat(rollup(false, SHIPPED, FulfilmentStatus.OUT_FOR_DELIVERY, FulfilmentStatus.EXCEPTION, RETURNED))
                .isEqualTo(OrderStatus.SHIPPED);
        // some shipped
        assertThat(rollup(true, SHIPPED, FulfilmentStatus.OUT_FOR_DELIVERY)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(rollup(false, FulfilmentStatus.OUT_FOR_DELIVERY, PICKED)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        // backorders and no fulfilment order (cancelled ones do not count)
        assertThat(rollup(true)).isEqualTo(OrderStatus.BACKORDERED);
        assertThat(rollup(true, CANCELLED, CANCELLED)).isEqualTo(OrderStatus.BACKORDERED);
        // backorders
        assertThat(rollup(true, PICKED)).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
        // otherwise
        assertThat(rollup(false, PICKED)).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(rollup(false, WAVED, CANCELLED)).isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void theOrderOfTheFulfilmentOrdersDoesNotMatter() {
        assertThat(rollup(true, PICKED, DELIVERED, CANCELLED)).isEqualTo(rollup(true, CANCELLED, DELIVERED, PICKED));
    }

    @Test
    void aMoveOfSameStandingNeverChangesTheDerivedStatus() {
        FulfilmentStatus[] all = FulfilmentStatus.values();
        for (FulfilmentStatus from : all) {
            for (FulfilmentStatus to : all) {
                if (!OrderStatusRollup.sameStanding(from, to)) {
                    continue;
                }
                for (FulfilmentStatus sibling : all) {
                    for (boolean backorder : new boolean[] {false, true}) {
                        assertThat(rollup(backorder, to)).as("%s -> %s", from, to).isEqualTo(rollup(backorder, from));
                        assertThat(rollup(backorder, to, sibling)).as("%s -> %s beside %s", from, to, sibling)
                                .isEqualTo(rollup(backorder, from, sibling));
                    }
                }
            }
        }
        assertThat(OrderStatusRollup.sameStanding(WAVED, PICKED)).isTrue();
        assertThat(OrderStatusRollup.sameStanding(PICKED, SHIPPED)).isFalse();
        assertThat(OrderStatusRollup.sameStanding(WAVED, CANCELLED)).isFalse();
        assertThat(OrderStatusRollup.sameStanding(IN_TRANSIT, DELIVERED)).isFalse();
    }
}
