package io.fulfil.split;

import static io.fulfil.split.Catalog.APPLE;
import static io.fulfil.split.Catalog.PEAR;
import static io.fulfil.split.StockRows.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chunk's stock in memory: available = on_hand − allocated − reserved here, never below zero. */
class ChunkStockTests {

    @Test
    void availableIsOnHandLessAllocatedAndNeverNegative() {
        ChunkStock stock = stock().has("HZ", APPLE, 10, 4).has("HZ", PEAR, 2, 5).chunk();

        assertThat(stock.available("HZ", "APPLE")).isEqualTo(6);
        assertThat(stock.available("HZ", "PEAR")).isZero();
        assertThat(stock.available("NJ", "APPLE")).isZero();
        assertThat(new StockLevel(2, 5).available()).isZero();
    }

    @Test
    void reservingLowersAvailableAndIsRecorded() {
        ChunkStock stock = stock().has("HZ", APPLE, 10).chunk();

        stock.reserve("HZ", "APPLE", 4);
        stock.reserve("HZ", "APPLE", 2);

        assertThat(stock.available("HZ", "APPLE")).isEqualTo(4);
        assertThat(stock.reservations()).containsExactly(Map.entry(new StockKey("HZ", "APPLE"), 6));
    }

    @Test
    void reservingMoreThanIsAvailableOrNothingIsRefused() {
        ChunkStock stock = stock().has("HZ", APPLE, 3).chunk();

        assertThatIllegalStateException().isThrownBy(() -> stock.reserve("HZ", "APPLE", 4))
                .withMessageContaining("cannot reserve 4 of APPLE at HZ");
        assertThatIllegalStateException().isThrownBy(() -> stock.reserve("HZ", "APPLE", 0));
        assertThatIllegalStateException().isThrownBy(() -> stock.reserve("NJ", "APPLE", 1));
        assertThat(stock.available("HZ", "APPLE")).isEqualTo(3);
        assertThat(stock.reservations()).isEmpty();
    }

    @Test
    void rollingBackAnOrderGivesBackOnlyWhatThatOrderReserved() {
        ChunkStock stock = stock().has("HZ", APPLE, 10).has("HZ", PEAR, 10).chunk();
        stock.beginOrder();
        stock.reserve("HZ", "APPLE", 3);
        stock.beginOrder();
        stock.reserve("HZ", "APPLE", 2);
        stock.reserve("HZ", "PEAR", 5);

        stock.rollbackOrder();

        assertThat(stock.available("HZ", "APPLE")).isEqualTo(7);
        assertThat(stock.available("HZ", "PEAR")).isEqualTo(10);
        assertThat(stock.reservations()).containsExactly(Map.entry(new StockKey("HZ", "APPLE"), 3));
    }
}
