package io.fulfil.split;

/**
 * Where an order goes. Without coordinates every warehouse is equally near, and warehouse priority
 * decides.
 */
public record ShipPoint(Double latitude, Double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle (haversine) distance in kilometres. */
    public double distanceKmTo(double lat, double lon) {
        if (latitude == null || longitude == null) {
            return 0;
        }
        double dLat = Math.toRadians(lat - latitude);
        double dLon = Math.toRadians(lon - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
