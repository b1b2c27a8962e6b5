package io.fulfil.cli;

import java.util.List;

/** The orders whose parcels the demo's sample files ship and track, and those the shop cancels. */
final class DemoOrders {

    static final List<String> SHOWN = List.of("SO2026112000050", "SO2026112000216", "SO2026112001125",
            "SO2026112001337", "SO2026112001385", "SO2026112002132", "SO2026112002179", "SO2026112100069",
            "SO2026112100511", "SO2026112100639", "SO2026112100804", "SO2026112100880", "SO2026112101180",
            "SO2026112102131", "SO2026112102332", "SO2026112102384", "SO2026112102514", "SO2026112102563");

    private DemoOrders() {
    }
}
