package io.fulfil.tracking;

/** A parcel as carriers name it: the carrier and its tracking number (unique together, CONTRACT §8.1). */
public record ParcelKey(String carrierCode, String trackingNo) implements Comparable<ParcelKey> {

    @Override
    public int compareTo(ParcelKey o) {
        int c = trackingNo.compareTo(o.trackingNo);
        return c != 0 ? c : carrierCode.compareTo(o.carrierCode);
    }

    @Override
    public String toString() {
        return carrierCode + " " + trackingNo;
    }
}
