package io.fulfil.shipping;

import io.fulfil.imports.ImportRow;
import io.fulfil.tracking.ParcelKey;
import java.time.LocalDateTime;

/** A row of a shipment manifest (CONTRACT §4): a fulfilment order handed to a carrier as one parcel. */
public record ManifestRow(long line, String fulfilmentNo, String carrierCode, String trackingNo,
                          LocalDateTime shippedAt, int weightGrams) implements ImportRow {

    public ParcelKey parcel() {
        return new ParcelKey(carrierCode, trackingNo);
    }
}
