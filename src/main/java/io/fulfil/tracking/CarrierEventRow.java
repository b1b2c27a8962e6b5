package io.fulfil.tracking;

import io.fulfil.imports.ImportRow;
import java.time.LocalDateTime;

/** A row of a carrier events file (CONTRACT §4): one scan of one parcel by its carrier. */
public record CarrierEventRow(long line, String carrierCode, String trackingNo, String eventCode,
                             LocalDateTime eventTime, String location, String description) implements ImportRow {

    public ParcelKey parcel() {
        return new ParcelKey(carrierCode, trackingNo);
    }

    /** Carrier, tracking number, code and time: an event with the same key as a recorded one is a duplicate. */
    public String key() {
        return carrierCode + "\u0000" + trackingNo + "\u0000" + eventCode + "\u0000" + eventTime;
    }
}
