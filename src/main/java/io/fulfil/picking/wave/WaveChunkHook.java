package io.fulfil.picking.wave;

import java.util.List;

/**
 * Called inside a wave job chunk's transaction, after its rows are written and before it commits.
 * The default does nothing; tests put in one that fails part-way to prove that a failed run leaves
 * whole waves only and restarts cleanly.
 */
public interface WaveChunkHook {

    WaveChunkHook NONE = new WaveChunkHook() {
    };

    /** The waves of a chunk are written (rows, pick lines, fulfilment orders moved). */
    default void wavesWritten(List<String> waveNos) {
    }

    /** The pick-list files of a chunk of waves are in place; the waves are not yet RELEASED. */
    default void pickListsWritten(List<String> waveNos) {
    }
}
