package io.fulfil.picking.confirm;

/** A pick line's key: its wave and its place in the wave's walking order. */
public record PickKey(String waveNo, int pickSeq) implements Comparable<PickKey> {

    @Override
    public int compareTo(PickKey other) {
        int byWave = waveNo.compareTo(other.waveNo);
        return byWave != 0 ? byWave : Integer.compare(pickSeq, other.pickSeq);
    }

    @Override
    public String toString() {
        return "wave " + waveNo + " pick_seq " + pickSeq;
    }
}
