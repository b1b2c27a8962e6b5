package io.fulfil.split.job;

import io.fulfil.support.Database;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the split job ({@code fulfil.split.*}).
 *
 * @param chunkSize      orders per chunk transaction; each chunk locks its orders and their stock rows.
 *                       0 picks for the database: 1000 on MySQL, 500 on H2 (whose store keeps a
 *                       chunk's changed pages in memory until its commit: measured on the shuffled
 *                       benchmark shape, 500 orders a chunk split 23 to 27% more orders per second
 *                       than 1000, 250 or 2000 fewer; on MySQL 500 was 4% slower)
 * @param skuCacheSize   SKUs whose merchant and zone a run keeps in memory (least recently used go)
 * @param stockCacheSize SKUs whose stock rows a run remembers between chunks (least recently used go)
 * @param writers        chunks written at once, each in its own transaction on its own connection;
 *                       they still reserve and commit one after another, in serving order. 0 picks
 *                       for the database: 2 on MySQL (its server works on both at once), 1 on H2
 *                       (embedded, its writes already fill the JVM's cores)
 * @param readers        key-ordered slices of a chunk's order rows read at once, each on its own
 *                       connection, just before the chunk locks them (so that they are in the
 *                       server's memory when it does). 0 picks for the database: 4 on MySQL (a
 *                       server reading from disk then has four reads under way), 1 on H2, which
 *                       reads nothing ahead (embedded: its reads come from the file system's cache
 *                       and use the JVM's cores)
 */
@ConfigurationProperties("fulfil.split")
public record SplitSettings(@DefaultValue("0") int chunkSize, @DefaultValue("200000") int skuCacheSize,
                            @DefaultValue("100000") int stockCacheSize, @DefaultValue("0") int writers,
                            @DefaultValue("0") int readers) {

    public SplitSettings {
        if (chunkSize < 0 || chunkSize > 10_000) {
            throw new IllegalArgumentException("fulfil.split.chunk-size must be between 0 (per database) and 10000, is "
                    + chunkSize);
        }
        if (skuCacheSize < 1000) {
            throw new IllegalArgumentException("fulfil.split.sku-cache-size must be at least 1000, is " + skuCacheSize);
        }
        if (writers < 0 || writers > 4) {
            throw new IllegalArgumentException("fulfil.split.writers must be between 0 (per database) and 4, is "
                    + writers);
        }
        if (readers < 0 || readers > 8) {
            throw new IllegalArgumentException("fulfil.split.readers must be between 0 (per database) and 8, is "
                    + readers);
        }
        if (stockCacheSize < 1000) {
            throw new IllegalArgumentException("fulfil.split.stock-cache-size must be at least 1000, is "
                    + stockCacheSize);
        }
    }

    /** Orders per chunk on this database. */
    public int chunkSizeFor(Database database) {
        return setOrFor(chunkSize, database, 1000, 500);
    }

    /** The slices a chunk's order rows are read ahead in, before its locks, on this database (1: none). */
    public int readersFor(Database database) {
        return setOrFor(readers, database, 4, 1);
    }

    /** The writers to use on this database. */
    public int writersFor(Database database) {
        return setOrFor(writers, database, 2, 1);
    }

    /** A setting's value when set (above 0), else the database's own. */
    private static int setOrFor(int set, Database database, int onMySql, int onH2) {
        return set > 0 ? set : database == Database.MYSQL ? onMySql : onH2;
    }
}
