package io.fulfil.imports;

import java.util.List;

/**
 * Called after an import chunk is applied and before its transaction commits. The default does
 * nothing; tests put in one that fails part-way to prove that a failed import restarts cleanly.
 */
@FunctionalInterface
public interface ImportChunkHook {

    ImportChunkHook NONE = (jobName, rows) -> {
    };

    void chunkApplied(String jobName, List<? extends ImportRow> rows);

    /** Called when the apply step opens the file, before it compares it with what was validated. */
    default void applyStarting(String jobName) {
    }
}
