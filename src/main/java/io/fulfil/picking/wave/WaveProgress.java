package io.fulfil.picking.wave;

import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A wave's life after it is released, as the jobs that change its fulfilment orders see it: COMPLETED
 * once none of them is waiting to be picked (CONTRACT §1), and a pick list to write again once a
 * cancelled fulfilment order left it (CONTRACT §9).
 */
@Repository
public class WaveProgress {

    /** A wave is complete once none of its fulfilment orders is in these: picked, cancelled or beyond. */
    private static final Set<FulfilmentStatus> NOT_YET_PICKED = EnumSet.of(FulfilmentStatus.ALLOCATED,
            FulfilmentStatus.WAVED);

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    public WaveProgress(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    /** Marks COMPLETED those of these waves whose fulfilment orders are all picked or cancelled; returns how many. */
    public int completeWaves(Collection<String> waveNos, LocalDateTime now) {
        if (waveNos.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                        UPDATE wave SET status = 'COMPLETED', completed_at = :now
                         WHERE %s AND status <> 'COMPLETED'
                           AND NOT EXISTS (SELECT 1 FROM fulfilment_order fo
                                            WHERE fo.wave_no = wave.wave_no AND fo.status IN %s)"""
                        .formatted(keyLists.matches("wave_no", "waves"), FulfilmentStatus.sqlList(NOT_YET_PICKED)),
                new MapSqlParameterSource("now", SqlTimestamps.text(now))
                        .addValue("waves", keyLists.bind(new TreeSet<>(waveNos))));
    }

    /** Notes that these waves' pick lists must be written again, in the caller's transaction. */
    public void markStale(Collection<String> waveNos) {
        if (waveNos.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE wave SET pick_list_stale = TRUE WHERE " + keyLists.matches("wave_no", "waves"),
                Map.of("waves", keyLists.bind(new TreeSet<>(waveNos))));
    }

    /** Waves whose pick list must be written again, in wave order. */
    public List<String> stale() {
        return new ArrayList<>(jdbc.queryForList(
                "SELECT wave_no FROM wave WHERE pick_list_stale = TRUE ORDER BY wave_no", Map.of(), String.class));
    }

    /** The wave's pick list has been written again. */
    public void written(String waveNo) {
        jdbc.update("UPDATE wave SET pick_list_stale = FALSE WHERE wave_no = :wave", Map.of("wave", waveNo));
    }
}
