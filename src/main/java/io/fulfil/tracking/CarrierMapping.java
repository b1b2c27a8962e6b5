package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.util.Map;
import java.util.Set;

/**
 * Each carrier's event codes and the parcel status each stands for (CONTRACT §8.2). Read from the
 * operators' file ({@link CarrierMappingFile}); the carriers named there are the known carriers.
 */
public record CarrierMapping(String source, Map<String, Map<String, FulfilmentStatus>> codesByCarrier) {

    /** The statuses a carrier's code may stand for: SHIPPED is the manifest's, never an event's. */
    public static final Set<FulfilmentStatus> EVENT_STATUSES = Set.of(FulfilmentStatus.IN_TRANSIT,
            FulfilmentStatus.OUT_FOR_DELIVERY, FulfilmentStatus.DELIVERED, FulfilmentStatus.EXCEPTION,
            FulfilmentStatus.RETURNED);

    public CarrierMapping {
        codesByCarrier = Map.copyOf(codesByCarrier);
    }

    public boolean knows(String carrierCode) {
        return codesByCarrier.containsKey(carrierCode);
    }

    /** The status of this carrier's code, or null when the code (or the carrier) is not mapped. */
    public FulfilmentStatus statusOf(String carrierCode, String eventCode) {
        Map<String, FulfilmentStatus> codes = codesByCarrier.get(carrierCode);
        return codes == null ? null : codes.get(eventCode);
    }

    public Set<String> carriers() {
        return new java.util.TreeSet<>(codesByCarrier.keySet());
    }
}
