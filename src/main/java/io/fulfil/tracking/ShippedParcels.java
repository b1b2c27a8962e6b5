package io.fulfil.tracking;

import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.JsonTable;
import io.fulfil.support.KeyCollations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds the fulfilment orders that carry parcels, by carrier and tracking number (the unique index
 * {@code fulfilment_order_by_tracking}): manifests check that a tracking number is not another
 * parcel's, carrier events find the parcel they move. One lookup per chunk of rows.
 */
@Repository
public class ShippedParcels {

    /** The fulfilment order carrying a parcel, and its parent order. */
    public record Owner(String fulfilmentNo, String orderNo) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    /** MySQL: the parcels looked up as one joined table (see {@link #find}). */
    private final boolean joinedLookups;
    private final KeyCollations keys;

    public ShippedParcels(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, Database database) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.joinedLookups = database == Database.MYSQL;
        this.keys = new KeyCollations(jdbc.getJdbcTemplate());
    }

    /**
     * The owners of those of these parcels that a fulfilment order has, as last committed. On MySQL
     * the parcels are a table ({@link JsonTable}) joined to the unique index on tracking
     * number and carrier, one statement per {@value JsonTable#ROWS_PER_STATEMENT}: an IN list of 100
     * tracking numbers (see {@link ParcelKey#TRACKING_NOS_PER_LOOKUP}) made MariaDB dive into the
     * index once per key to plan it and then look each key up again, ten statements per chunk.
     */
    public Map<ParcelKey, Owner> find(Collection<ParcelKey> parcels) {
        Map<ParcelKey, Owner> found = new HashMap<>();
        if (joinedLookups) {
            List<ParcelKey> sorted = new ArrayList<>(new TreeSet<>(parcels));
            for (List<ParcelKey> piece : JsonTable.pieces(sorted)) {
                jdbc.getJdbcTemplate().query(ParcelKey.statement(
                                "SELECT f.tracking_no, f.carrier_code, f.fulfilment_no, f.order_no FROM "
                                        + ParcelKey.joinedTo("fulfilment_order", "f", keys), piece),
                        (RowCallbackHandler) rs -> found.put(new ParcelKey(rs.getString(2), rs.getString(1)),
                                new Owner(rs.getString(3), rs.getString(4))));
            }
            return found;
        }
        Set<ParcelKey> wanted = Set.copyOf(parcels);
        for (List<String> slice : ParcelKey.trackingNoLists(parcels, keyLists)) {
            jdbc.query("""
                            SELECT tracking_no, carrier_code, fulfilment_no, order_no FROM fulfilment_order
                             WHERE %s""".formatted(keyLists.matches("tracking_no", "nos")),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        ParcelKey key = new ParcelKey(rs.getString(2), rs.getString(1));
                        if (wanted.contains(key)) {
                            found.put(key, new Owner(rs.getString(3), rs.getString(4)));
                        }
                    });
        }
        return found;
    }
}
