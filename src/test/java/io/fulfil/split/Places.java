package io.fulfil.split;

/**
 * Real Chinese cities, so that distances in the tests are the ones a reader can check on a map
 * (from Shanghai: Hangzhou about 165 km, Nanjing about 270 km, Wuhan about 690 km, Beijing about
 * 1,070 km, Guangzhou about 1,210 km, Chengdu about 1,660 km).
 */
enum Places {
    SHANGHAI(31.2304, 121.4737),
    HANGZHOU(30.2741, 120.1551),
    NANJING(32.0603, 118.7969),
    WUHAN(30.5928, 114.3055),
    BEIJING(39.9042, 116.4074),
    GUANGZHOU(23.1291, 113.2644),
    CHENGDU(30.5728, 104.0668);

    final double latitude;
    final double longitude;

    Places(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    ShipPoint shipPoint() {
        return new ShipPoint(latitude, longitude);
    }

    /** An order without coordinates: every warehouse is 0 km away, so priority and code decide. */
    static ShipPoint unknownAddress() {
        return new ShipPoint(null, null);
    }
}
