package io.fulfil.split.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.split.job.DemandChunks.DemandChunk;
import io.fulfil.split.job.SplitStore.LineRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand's rows, one per line, become chunks of whole orders in serving order. */
class DemandChunksTests {

    private final List<DemandChunk> chunks = new ArrayList<>();

    private static LineRow line(String orderNo, int lineNo) {
        return new LineRow(orderNo, lineNo, "SKU-" + lineNo, lineNo, 100L * lineNo, 0);
    }

    @Test
    void anOrderIsNeverCutBetweenTwoChunksAndEachChunkHasAtMostTheChunkSize() {
        DemandChunks demand = new DemandChunks(2, chunks::add);
        demand.row("O-9", true, line("O-9", 1));
        demand.row("O-9", true, line("O-9", 2));
        demand.row("O-1", true, line("O-1", 1));
        demand.row("O-5", true, line("O-5", 1));
        demand.row("O-5", true, line("O-5", 2));
        demand.row("O-5", true, line("O-5", 3));
        demand.end();

        assertThat(chunks).extracting(DemandChunk::orderNos)
                .containsExactly(List.of("O-9", "O-1"), List.of("O-5"));
        assertThat(chunks.get(0).paidLines().get("O-9")).containsExactly(line("O-9", 1), line("O-9", 2));
        assertThat(chunks.get(0).paidLines().get("O-1")).containsExactly(line("O-1", 1));
        assertThat(chunks.get(1).paidLines().get("O-5"))
                .containsExactly(line("O-5", 1), line("O-5", 2), line("O-5", 3));
    }

    @Test
    void aPaidOrderWithoutLinesHasAnEmptyEntryAndAnUnpaidOneNone() {
        DemandChunks demand = new DemandChunks(10, chunks::add);
        demand.row("O-1", true, null);
        demand.row("O-2", false, null);
        demand.row("O-3", true, line("O-3", 1));
        demand.end();

        assertThat(chunks).hasSize(1);
        DemandChunk chunk = chunks.get(0);
        assertThat(chunk.orderNos()).containsExactly("O-1", "O-2", "O-3");
        assertThat(chunk.paidLines()).containsOnlyKeys("O-1", "O-3");
        assertThat(chunk.paidLines().get("O-1")).isEmpty();
    }

    @Test
    void aChunkIsPassedOnOnlyOnceTheNextOrderShowsItsLastOrderComplete() {
        DemandChunks demand = new DemandChunks(1, chunks::add);
        demand.row("O-1", true, line("O-1", 1));
        assertThat(chunks).isEmpty();
        demand.row("O-1", true, line("O-1", 2));
        assertThat(chunks).isEmpty();
        demand.row("O-2", true, line("O-2", 1));
        assertThat(chunks).extracting(DemandChunk::orderNos).containsExactly(List.of("O-1"));
        assertThat(chunks.get(0).paidLines().get("O-1")).hasSize(2);
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
