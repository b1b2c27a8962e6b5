package io.fulfil.split.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fulfil.split.ShipPoint;
import io.fulfil.split.job.DemandChunks.DemandChunk;
import io.fulfil.split.job.SplitStore.LineRow;
import io.fulfil.split.job.SplitStore.LockedOrder;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand's rows, one per line, become chunks of whole orders in serving order. */
class DemandChunksTests {

    private final List<DemandChunk> chunks = new ArrayList<>();

    private static LockedOrder order(String orderNo, String status) {
        return new LockedOrder(orderNo, status, new ShipPoint(31.2, 121.5), true, 1_000, 0, 500, 1_500, "NORMAL",
                LocalDateTime.of(2026, 12, 1, 10, 0), null);
    }

    private static LineRow line(String orderNo, int lineNo) {
        return new LineRow(orderNo, lineNo, "SKU-" + lineNo, lineNo, 100L * lineNo, 0);
    }

    /** Feeds the demand's rows as the reader does: a header when an order starts, then its line. */
    private static void rows(DemandChunks demand, LockedOrder header, LineRow... lines) {
        for (LineRow l : lines.length == 0 ? new LineRow[] {null} : lines) {
            if (!demand.continues(header.orderNo())) {
                demand.order(header);
            }
            demand.line(l);
        }
    }

    @Test
    void anOrderIsNeverCutBetweenTwoChunksAndEachChunkHasAtMostTheChunkSize() {
        DemandChunks demand = new DemandChunks(2, chunks::add);
        rows(demand, order("O-9", "PAID"), line("O-9", 1), line("O-9", 2));
        rows(demand, order("O-1", "PAID"), line("O-1", 1));
        rows(demand, order("O-5", "PAID"), line("O-5", 1), line("O-5", 2), line("O-5", 3));
        demand.end();

        assertThat(chunks).extracting(DemandChunk::orderNos)
                .containsExactly(List.of("O-9", "O-1"), List.of("O-5"));
        assertThat(chunks.get(0).paidLines().get("O-9")).containsExactly(line("O-9", 1), line("O-9", 2));
        assertThat(chunks.get(0).paidLines().get("O-1")).containsExactly(line("O-1", 1));
        assertThat(chunks.get(1).paidLines().get("O-5"))
                .containsExactly(line("O-5", 1), line("O-5", 2), line("O-5", 3));
        assertThat(chunks.get(1).headers()).containsOnly(entry("O-5", order("O-5", "PAID")));
    }

    @Test
    void everyOrderHasItsRowAndOnlyAPaidOneHasLinesEvenNone() {
        DemandChunks demand = new DemandChunks(10, chunks::add);
        rows(demand, order("O-1", "PAID"));
        rows(demand, order("O-2", "BACKORDERED"));
        rows(demand, order("O-3", "PAID"), line("O-3", 1));
        demand.end();

        assertThat(chunks).hasSize(1);
        DemandChunk chunk = chunks.get(0);
        assertThat(chunk.orderNos()).containsExactly("O-1", "O-2", "O-3");
        assertThat(chunk.headers()).containsOnlyKeys("O-1", "O-2", "O-3");
        assertThat(chunk.headers().get("O-2")).isEqualTo(order("O-2", "BACKORDERED"));
        assertThat(chunk.paidLines()).containsOnlyKeys("O-1", "O-3");
        assertThat(chunk.paidLines().get("O-1")).isEmpty();
    }

    @Test
    void aChunkIsPassedOnOnlyOnceTheNextOrderShowsItsLastOrderComplete() {
        DemandChunks demand = new DemandChunks(1, chunks::add);
        rows(demand, order("O-1", "PAID"), line("O-1", 1));
        assertThat(chunks).isEmpty();
        rows(demand, order("O-1", "PAID"), line("O-1", 2));
        assertThat(chunks).isEmpty();
        rows(demand, order("O-2", "PAID"), line("O-2", 1));
        assertThat(chunks).extracting(DemandChunk::orderNos).containsExactly(List.of("O-1"));
        assertThat(chunks.get(0).paidLines().get("O-1")).hasSize(2);
    }

    @Test
    void anOrderThatComesBackLaterInTheSameChunkIsRefusedRatherThanLosingLines() {
        DemandChunks demand = new DemandChunks(10, chunks::add);
        rows(demand, order("O-1", "PAID"), line("O-1", 1));
        rows(demand, order("O-2", "PAID"), line("O-2", 1));

        assertThatThrownBy(() -> rows(demand, order("O-1", "PAID"), line("O-1", 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("O-1 came twice");
    }

    @Test
    void noDemandPassesOnNoChunk() {
        DemandChunks demand = new DemandChunks(5, chunks::add);
        demand.end();
        assertThat(chunks).isEmpty();
    }

    @Test
    void aChunkSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new DemandChunks(0, chunks::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1, is 0");
    }
}
