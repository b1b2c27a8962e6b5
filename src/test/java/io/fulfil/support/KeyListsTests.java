package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyListsTests {

    @Test
    void onMySqlALookupThroughASecondaryIndexForcesThatIndexSoThatStaleStatisticsCannotTurnItIntoATableScan() {
        KeyLists mySql = KeyLists.of(Database.MYSQL);

        assertThat("SELECT status FROM fulfilment_order" + mySql.through("fulfilment_order_by_order") + " WHERE "
                + mySql.matches("order_no", "nos"))
                .isEqualTo("SELECT status FROM fulfilment_order FORCE INDEX (fulfilment_order_by_order)"
                        + " WHERE order_no IN (:nos)");
    }

    @Test
    void onH2TheLookupIsLeftToItsPlannerAndTheKeysAreBoundAsOneArray() {
        KeyLists h2 = KeyLists.of(Database.H2);

        assertThat(h2.through("fulfilment_order_by_order")).isEmpty();
        assertThat(h2.matches("order_no", "nos")).isEqualTo("order_no = ANY(:nos)");
        assertThat(h2.bind(List.of("B2", "B1"))).isEqualTo(new String[] {"B2", "B1"});
    }

    @Test
    void slicesAreDistinctKeysInKeyOrderInOneListOnMySqlAndListsOfAHundredOnH2() {
        List<String> keys = new ArrayList<>();
        for (int i = 250; i >= 1; i--) {
            keys.add("B%04d".formatted(i));
        }
        keys.add("B0001");

        List<List<String>> mySql = KeyLists.of(Database.MYSQL).slices(keys);
        List<List<String>> h2 = KeyLists.of(Database.H2).slices(keys);

        assertThat(mySql).hasSize(1);
        assertThat(mySql.get(0)).hasSize(250).startsWith("B0001", "B0002").endsWith("B0250");
        assertThat(h2).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(h2.get(1).get(0)).isEqualTo("B0101");
    }
}
