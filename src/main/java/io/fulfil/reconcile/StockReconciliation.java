package io.fulfil.reconcile;

import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLedger;
import io.fulfil.stock.StockMovement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock counters against their evidence (CONTRACT §5): {@code allocated} against the units that
 * fulfilment orders neither shipped nor cancelled hold, {@code on_hand} against the stock movement
 * ledger (every count, short pick, shipment is journalled there; a split's reservation changes only
 * {@code allocated}). The repair goes through the {@link StockLedger}, as a {@code RECONCILE}
 * movement per row, so it is journalled like every other change of stock.
 */
@Repository
public class StockReconciliation {

    private static final String HOLDING_STOCK = FulfilmentStatus.sqlList(FulfilmentStatus.HOLDING_STOCK);

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final Clock clock;

    public StockReconciliation(JdbcClient jdbc, StockLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Every stock row whose counters disagree with their evidence, in warehouse and SKU order. One pass
     * over each table (UNION ALL, one GROUP BY), as the invariant checks do.
     */
    public List<StockDifference> differences() {
        return jdbc.sql("""
                SELECT warehouse_code, sku_code, SUM(r), SUM(on_hand), SUM(allocated), SUM(held), SUM(journalled) FROM (
                    SELECT warehouse_code, sku_code, 1 AS r, on_hand, allocated, 0 AS held, 0 AS journalled FROM stock
                    UNION ALL
                    SELECT fo.warehouse_code, l.sku_code, 0, 0, 0, l.quantity, 0
                      FROM fulfilment_line l JOIN fulfilment_order fo ON fo.fulfilment_no = l.fulfilment_no
                     WHERE fo.status IN %s
                    UNION ALL
                    SELECT warehouse_code, sku_code, 0, 0, 0, 0, on_hand_change FROM stock_movement
                ) x
                 GROUP BY warehouse_code, sku_code
                HAVING SUM(allocated) <> SUM(held) OR SUM(on_hand) <> SUM(journalled)
                    OR SUM(allocated) < 0 OR SUM(allocated) > SUM(on_hand)
                 ORDER BY warehouse_code, sku_code""".formatted(HOLDING_STOCK))
                .query((rs, i) -> new StockDifference(new StockKey(rs.getString(1), rs.getString(2)), rs.getLong(3) > 0,
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** What a repair found under lock, and which of those rows it set right. */
    public record Repair(List<StockDifference> found, List<StockDifference> repaired) {
    }

    /**
     * Sets {@code allocated} of every repairable row back to what open fulfilment lines hold, in the
     * caller's transaction. The rows of the SKUs concerned are locked first and the differences read
     * again under the lock, so a split or a cancellation committing meanwhile is not undone. A row
     * whose lines hold more than its {@code on_hand} is not repairable this way (a count must come
     * first) and is only reported.
     */
    public Repair repair(String actor, Long jobExecutionId) {
        List<String> skus = differences().stream().filter(StockDifference::allocatedDiffers)
                .map(d -> d.key().skuCode()).distinct().toList();
        if (skus.isEmpty()) {
            return new Repair(differences(), List.of());
        }
        ledger.lockSkus(skus);
        List<StockDifference> underLock = differences();
        LocalDateTime now = LocalDateTime.now(clock);
        List<StockDifference> repaired = underLock.stream().filter(StockDifference::repairable)
                .filter(d -> skus.contains(d.key().skuCode())).toList();
        ledger.apply(repaired.stream()
                .map(d -> StockMovement.reconcile(d.key(), Math.toIntExact(d.held() - d.allocated()),
                        "reconciled: allocated " + d.allocated() + " set to the " + d.held()
                                + " units open fulfilment lines hold", actor, now))
                .toList(), jobExecutionId);
        return new Repair(underLock, repaired);
    }
}
