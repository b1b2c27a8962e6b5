package io.fulfil.tracking;

import io.fulfil.support.JsonTable;
import io.fulfil.support.KeyCollations;
import io.fulfil.support.KeyLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.PreparedStatementCreator;

/** A parcel as carriers name it: the carrier and its tracking number (unique together, CONTRACT §8.1). */
public record ParcelKey(String carrierCode, String trackingNo) implements Comparable<ParcelKey> {

    @Override
    public int compareTo(ParcelKey o) {
        int c = trackingNo.compareTo(o.trackingNo);
        return c != 0 ? c : carrierCode.compareTo(o.carrierCode);
    }

    /**
     * Tracking numbers per lookup in {@code fulfilment_order}. MariaDB looks each key of an IN list up
     * in the index only below 200 keys ({@code eq_range_index_dive_limit}); from 200 to 999 keys it
     * estimates from the index statistics, and on this column, NULL until a parcel ships, they say a key
     * matches much of the table: it then read the whole index for each chunk (a lookup of 200 keys
     * took 58 ms, of 199 under 1). Lists of 1,000 and more become a joined table and are fine, but a
     * chunk's distinct tracking numbers are often fewer.
     */
    public static final int TRACKING_NOS_PER_LOOKUP = 100;

    /** The distinct tracking numbers of these parcels in key order, cut into lists to look up one at a time. */
    public static List<List<String>> trackingNoLists(Collection<ParcelKey> parcels, KeyLists keyLists) {
        List<List<String>> lists = new ArrayList<>();
        for (List<String> slice : keyLists.slices(trackingNos(parcels))) {
            for (int from = 0; from < slice.size(); from += TRACKING_NOS_PER_LOOKUP) {
                lists.add(slice.subList(from, Math.min(slice.size(), from + TRACKING_NOS_PER_LOOKUP)));
            }
        }
        return lists;
    }

    /**
     * For a lookup on MySQL: parcels as a {@link JsonTable} {@code d} joined to {@code table}'s
     * (tracking number, carrier) key as {@code alias}, each key compared in the table column's
     * collation; run with {@link #statement}. {@code table} and {@code alias} are names from the code.
     */
    static String joinedTo(String table, String alias, KeyCollations keys) {
        return JsonTable.of(JsonTable.Column.text("tracking"), JsonTable.Column.text("carrier")) + " d JOIN "
                + table + " " + alias + " ON " + alias + ".tracking_no = " + keys.as(table, "tracking_no", "d.tracking")
                + " AND " + alias + ".carrier_code = " + keys.as(table, "carrier_code", "d.carrier");
    }

    /** A statement of {@link #joinedTo} with these parcels bound. */
    static PreparedStatementCreator statement(String sql, List<ParcelKey> parcels) {
        return JsonTable.statement(sql, parcels, (key, json) -> {
            json.string(0, key.trackingNo());
            json.string(1, key.carrierCode());
        });
    }

    /** The distinct tracking numbers of these parcels, in key order. */
    public static TreeSet<String> trackingNos(Collection<ParcelKey> parcels) {
        TreeSet<String> nos = new TreeSet<>();
        parcels.forEach(p -> nos.add(p.trackingNo()));
        return nos;
    }

    @Override
    public String toString() {
        return carrierCode + " " + trackingNo;
    }
}
