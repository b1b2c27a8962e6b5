package io.fulfil.picking.wave;

/** What a wave holds: only single-item fulfilment orders (one line of quantity 1), or only the others. */
public enum WaveKind {
    SINGLE, MULTI;

    public static WaveKind of(int lineCount, int units) {
        return lineCount == 1 && units == 1 ? SINGLE : MULTI;
    }
}
