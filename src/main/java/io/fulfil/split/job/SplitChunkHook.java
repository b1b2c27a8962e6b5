package io.fulfil.split.job;

import java.util.List;

/**
 * Called after a chunk's rows are written and before its transaction commits (and, optionally, when
 * a chunk begins). The default does nothing; tests put in one that fails part-way to prove that a
 * failed run restarts cleanly, or that changes stock behind the run's back.
 */
@FunctionalInterface
public interface SplitChunkHook {

    SplitChunkHook NONE = orderNos -> {
    };

    void chunkWritten(List<String> orderNos);

    /** Called when a chunk's transaction has begun, before it reads or locks anything. */
    default void chunkStarting(List<String> orderNos) {
    }
}
