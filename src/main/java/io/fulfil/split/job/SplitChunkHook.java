package io.fulfil.split.job;

import java.util.List;

/**
 * Called after a chunk's rows are written and before its transaction commits. The default does
 * nothing; tests put in one that fails part-way to prove that a failed run restarts cleanly.
 */
@FunctionalInterface
public interface SplitChunkHook {

    SplitChunkHook NONE = orderNos -> {
    };

    void chunkWritten(List<String> orderNos);
}
