package io.fulfil.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock ledger against a real database (H2 and MySQL/MariaDB by the subclasses): every movement
 * is applied under lock and journalled, a movement that would break {@code 0 <= allocated <= on_hand}
 * applies nothing, and a movement that makes stock available moves the raise counter a running split
 * watches.
 */
abstract class StockLedgerFunctionalTests {

    static final List<String> TABLES = List.of("stock_movement", "pick_confirmation", "pick_line", "split_decision", "wave", "backorder",
            "fulfilment_line", "fulfilment_order", "order_line", "customer_order", "stock", "sku", "warehouse",
            "merchant");

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 21, 2, 15, 0, 123_000_000);

    @Autowired
    StockLedger ledger;

    @Autowired
    ShopDataLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private StockKey key;
    private int onHand;

    @BeforeEach
    void sampleStockWithSomethingAllocated() {
        TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
        LoadReport report = loader.load(Path.of("sample-data"));
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT warehouse_code, sku_code, on_hand FROM stock WHERE on_hand >= 10 ORDER BY warehouse_code, sku_code"
                        .replace("ORDER BY", "ORDER BY") + " LIMIT 1");
        key = new StockKey((String) row.get("WAREHOUSE_CODE"), (String) row.get("SKU_CODE"));
        onHand = ((Number) row.get("ON_HAND")).intValue();
        inTransaction(() -> ledger.reserve(Map.of(key, 5)));
    }

    @Test
    void aShortPickTakesTheUnitsOffTheShelfAndOutOfAllocatedAndIsJournalled() {
        long raised = ledger.raisedVersion();

        inTransaction(() -> ledger.apply(List.of(StockMovement.shortPick(key, 2, "wave W000001 #3", "SO1",
                "picked 1 of 3", "王芳", AT)), 42L));

        assertThat(level()).isEqualTo(new StockLevel(onHand - 2, 3));
        Map<String, Object> journal = jdbc.queryForMap(
                "SELECT kind, on_hand_change, allocated_change, reference, order_no, actor, occurred_at, job_execution_id"
                        + " FROM stock_movement WHERE kind = 'SHORT_PICK'");
        assertThat(journal).containsEntry("KIND", "SHORT_PICK").containsEntry("ON_HAND_CHANGE", -2)
                .containsEntry("ALLOCATED_CHANGE", -2).containsEntry("REFERENCE", "wave W000001 #3")
                .containsEntry("ORDER_NO", "SO1").containsEntry("ACTOR", "王芳");
        assertThat(jdbc.queryForObject("SELECT occurred_at FROM stock_movement WHERE kind = 'SHORT_PICK'",
                LocalDateTime.class)).as("milliseconds kept on every database").isEqualTo(AT);
        assertThat(ledger.raisedVersion()).as("nothing became available").isEqualTo(raised);
    }

    @Test
    void eachMovementIsJournalledWithItsOwnKindReasonAndActorWhetherACallSharesThemOrNot() {
        // one call whose movements share kind, reason and actor (bound once), one whose movements do not
        inTransaction(() -> ledger.apply(List.of(StockMovement.ship(key, 1, "FO-1", "SO1", "manifests run 9", AT),
                StockMovement.ship(key, 1, "FO-2", "SO2", "manifests run 9", AT.plusSeconds(1))), 9L));
        inTransaction(() -> ledger.apply(List.of(StockMovement.ship(key, 1, "FO-3", "SO3", "manifests run 10", AT),
                StockMovement.shortPick(key, 1, "wave W1 #1", "SO4", "picked 0 of 1", "李雷", AT),
                StockMovement.release(key, 1, "FO-5", "SO5", "order cancelled", "cancel run 10", AT)), 10L));

        List<String> journal = jdbc.query("""
                SELECT reference, kind, on_hand_change, allocated_change, order_no, reason, actor, job_execution_id
                  FROM stock_movement WHERE job_execution_id IN (9, 10) ORDER BY reference""",
                (rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        assertThat(journal).containsExactly(
                "FO-1|SHIP|-1|-1|SO1|shipped|manifests run 9|9",
                "FO-2|SHIP|-1|-1|SO2|shipped|manifests run 9|9",
                "FO-3|SHIP|-1|-1|SO3|shipped|manifests run 10|10",
                "FO-5|RELEASE|0|-1|SO5|order cancelled|cancel run 10|10",
                "wave W1 #1|SHORT_PICK|-1|-1|SO4|picked 0 of 1|李雷|10");
        assertThat(level()).isEqualTo(new StockLevel(onHand - 4, 0));
    }

    @Test
    void aReleaseMakesStockAvailableAndMovesTheRaiseCounter() {
        long raised = ledger.raisedVersion();

        inTransaction(() -> ledger.apply(List.of(StockMovement.release(key, 5, "FO-1", "SO1", "order cancelled",
                "cancel run 7", AT)), 7L));

        assertThat(level()).isEqualTo(new StockLevel(onHand, 0));
        assertThat(ledger.raisedVersion()).isEqualTo(raised + 1);
    }

    @Test
    void aMovementThatWouldBreakTheBoundsAppliesNothingAndNamesTheRow() {
        StockKey other = new StockKey(key.warehouseCode(), key.skuCode());
        assertThatThrownBy(() -> inTransaction(() -> ledger.apply(List.of(
                StockMovement.ship(other, 3, "FO-1", "SO1", "SF", AT),
                StockMovement.release(key, 3, "FO-2", "SO2", "cancelled", "cancel", AT)), null)))
                .hasMessageContaining("stock of SKU " + key.skuCode() + " in warehouse " + key.warehouseCode())
                .hasMessageContaining("allocated -1");
        assertThat(level()).isEqualTo(new StockLevel(onHand, 5));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_movement WHERE kind <> 'COUNT'", Integer.class))
                .isZero();
    }

    @Test
    void aCountBelowWhatIsAllocatedIsRefusedAndAnUpwardCountIsJournalledAndSignalled() {
        assertThatThrownBy(() -> inTransaction(() -> ledger.count(
                List.of(new StockCount(key, 4, "A-01-01-1")), "load stock.csv", null)))
                .hasMessageContaining("below the 5 already allocated");
        long raised = ledger.raisedVersion();

        inTransaction(() -> ledger.count(List.of(new StockCount(key, onHand + 7, "B-02-03-4")), "load stock.csv", null));

        assertThat(level()).isEqualTo(new StockLevel(onHand + 7, 5));
        assertThat(jdbc.queryForObject("SELECT location_code FROM stock WHERE warehouse_code = ? AND sku_code = ?",
                String.class, key.warehouseCode(), key.skuCode())).isEqualTo("B-02-03-4");
        assertThat(jdbc.queryForObject("SELECT on_hand_change FROM stock_movement WHERE kind = 'COUNT'"
                + " AND sku_code = ? AND warehouse_code = ? AND on_hand_change = 7", Integer.class,
                key.skuCode(), key.warehouseCode())).isEqualTo(7);
        assertThat(ledger.raisedVersion()).isEqualTo(raised + 1);
    }

    @Test
    void aReservationOverHundredsOfRowsIsAllOrNothingWhenItsLastRowIsShort() {
        TreeMap<StockKey, StockLevel> levels = rowsWithStockAvailable();
        assertThat(levels).as("more rows than one statement reserves on MySQL").hasSizeGreaterThan(500);
        Map<StockKey, Integer> wanted = new LinkedHashMap<>();
        levels.keySet().forEach(k -> wanted.put(k, 1));
        StockKey last = levels.lastKey();
        StockLevel lastLevel = levels.get(last);
        wanted.put(last, lastLevel.onHand() - lastLevel.allocated() + 1);
        long allocatedBefore = totalAllocated();

        assertThat(inTransaction(() -> ledger.tryReserve(wanted))).isFalse();
        assertThat(totalAllocated()).as("nothing reserved, the rows before the short one included")
                .isEqualTo(allocatedBefore);
        assertThatThrownBy(() -> inTransaction(() -> {
            ledger.reserve(wanted);
            return null;
        })).hasMessageContaining("not that much is available")
                .as("names the row that was short").hasMessageContaining(last.skuCode() + " in " + last.warehouseCode());
        assertThat(totalAllocated()).isEqualTo(allocatedBefore);

        wanted.put(last, lastLevel.onHand() - lastLevel.allocated());
        assertThat(inTransaction(() -> ledger.tryReserve(wanted))).isTrue();
        assertThat(totalAllocated()).isEqualTo(allocatedBefore + wanted.values().stream().mapToLong(q -> q).sum());
        StockLevel after = jdbc.queryForObject("SELECT on_hand, allocated FROM stock WHERE warehouse_code = ? AND sku_code = ?",
                (rs, i) -> new StockLevel(rs.getInt(1), rs.getInt(2)), last.warehouseCode(), last.skuCode());
        assertThat(after.allocated()).as("the last row reserved to its last unit").isEqualTo(after.onHand());
    }

    @Test
    void movementsOverHundredsOfRowsApplyAllOrNothingWhenTheLastRowWouldBreakTheBoundsOrIsMissing() {
        TreeMap<StockKey, StockLevel> levels = rowsWithStockAvailable();
        assertThat(levels).as("more rows than one statement changes on MySQL").hasSizeGreaterThan(500);
        Map<StockKey, Integer> one = new LinkedHashMap<>();
        levels.keySet().forEach(k -> one.put(k, 1));
        assertThat(inTransaction(() -> ledger.tryReserve(one))).isTrue();
        long allocatedBefore = totalAllocated();
        long onHandBefore = jdbc.queryForObject("SELECT SUM(on_hand) FROM stock", Long.class);
        StockKey last = levels.lastKey();
        List<StockMovement> ships = new java.util.ArrayList<>();
        levels.keySet().forEach(k -> ships.add(StockMovement.ship(k, k.equals(last) ? levels.get(k).allocated() + 2 : 1,
                "FO-" + k.skuCode(), "SO1", "SF", AT)));

        StockKey missing = new StockKey(last.warehouseCode(), "NO-SUCH-SKU");
        List<StockMovement> withMissing = new java.util.ArrayList<>(ships.subList(0, ships.size() - 1));
        withMissing.add(StockMovement.ship(missing, 1, "FO-X", "SO1", "SF", AT));
        // the failures are caught inside one transaction that then commits: what the failed calls did
        // must be undone by the ledger itself, not by the caller's rollback
        inTransaction(() -> {
            assertThatThrownBy(() -> ledger.apply(ships, 9L))
                    .hasMessageContaining("stock of SKU " + last.skuCode() + " in warehouse " + last.warehouseCode())
                    .hasMessageContaining("allocated -1").hasMessageContaining("nothing is applied");
            assertThatThrownBy(() -> ledger.apply(withMissing, 9L))
                    .hasMessageContaining("no stock row for SKU NO-SUCH-SKU in warehouse " + last.warehouseCode());
            assertThatThrownBy(() -> ledger.apply(List.of(StockMovement.reconcile(last,
                    levels.get(last).onHand() - levels.get(last).allocated(), "drift", "test", AT)), 9L))
                    .as("allocated above on_hand").hasMessageContaining("would be on_hand " + levels.get(last).onHand()
                            + ", allocated " + (levels.get(last).onHand() + 1));
            assertThat(totalAllocated()).as("no row changed, those in earlier statements included")
                    .isEqualTo(allocatedBefore);
        });

        assertThat(totalAllocated()).isEqualTo(allocatedBefore);
        assertThat(jdbc.queryForObject("SELECT SUM(on_hand) FROM stock", Long.class)).isEqualTo(onHandBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_movement WHERE kind IN ('SHIP', 'RECONCILE')",
                Integer.class)).isZero();

        ships.set(ships.size() - 1, StockMovement.ship(last, 1, "FO-last", "SO1", "SF", AT));
        inTransaction(() -> ledger.apply(ships, 9L));
        assertThat(totalAllocated()).isEqualTo(allocatedBefore - ships.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP'", Integer.class))
                .isEqualTo(ships.size());
    }

    /** The stock rows with something available, in the ledger's lock order, with their levels. */
    private TreeMap<StockKey, StockLevel> rowsWithStockAvailable() {
        TreeMap<StockKey, StockLevel> levels = new TreeMap<>(ledger.lockOrder());
        jdbc.query("SELECT warehouse_code, sku_code, on_hand, allocated FROM stock WHERE on_hand > allocated",
                rs -> {
                    levels.put(new StockKey(rs.getString(1), rs.getString(2)), new StockLevel(rs.getInt(3), rs.getInt(4)));
                });
        return levels;
    }

    private long totalAllocated() {
        Long total = jdbc.queryForObject("SELECT SUM(allocated) FROM stock", Long.class);
        return total == null ? 0 : total;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private StockLevel level() {
        return jdbc.queryForObject("SELECT on_hand, allocated FROM stock WHERE warehouse_code = ? AND sku_code = ?",
                (rs, i) -> new StockLevel(rs.getInt(1), rs.getInt(2)), key.warehouseCode(), key.skuCode());
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
