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

    @Test
    void theOrderOfTheFulfilmentOrdersDoesNotMatter() {
        assertThat(rollup(true, PICKED, DELIVERED, CANCELLED)).isEqualTo(rollup(true, CANCELLED, DELIVERED, PICKED));
    }
}
