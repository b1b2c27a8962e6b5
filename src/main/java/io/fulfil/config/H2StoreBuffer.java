package io.fulfil.config;

import io.fulfil.support.Database;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Lets embedded H2 hold a whole chunk's changes in memory until the chunk commits
 * ({@code fulfil.h2.store-buffer-mb}, default 128; 0 keeps H2's own).
 *
 * <p>Why: H2's store writes every changed page out as soon as the changes held in memory pass its
 * auto-commit buffer, which H2 fixes at 19 MB and does not expose as a database setting. A split
 * chunk of 1,000 orders changes more than that (a few thousand stock rows spread over the stock
 * table, the orders' statuses, the new rows), so H2 wrote each chunk two to four times before it
 * committed, and the commit, which rewrites every row the transaction touched, dirtied those pages
 * again. With a buffer that holds a chunk, each chunk's pages are written once, at its commit:
 * measured 30% more orders per second on the split (see README, Benchmark). Durability is unchanged:
 * with {@code WRITE_DELAY=0} H2 still stores every commit before it returns.
 *
 * <p>How: the buffer is a private field of H2's {@code MVStore}, set here by reflection on the store
 * this process has open. Only raised, never lowered. If a later H2 renames the field, nothing is
 * changed and H2 runs with its own buffer, only slower; the test of this class fails on such an H2
 * upgrade (it counts H2's writes before a commit), so it is noticed. A database served by another
 * process ({@code AUTO_SERVER}) is left to that process, which set its own buffer when it started.
 */
@Component
@EnableConfigurationProperties(H2Settings.class)
public class H2StoreBuffer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(H2StoreBuffer.class);

    private final DataSource dataSource;
    private final Database database;
    private final int megabytes;
    private final AtomicBoolean clippedOnce = new AtomicBoolean();

    H2StoreBuffer(DataSource dataSource, Database database, H2Settings settings) {
        this.dataSource = dataSource;
        this.database = database;
        this.megabytes = settings.storeBufferMb();
    }

    @Override
    public void afterSingletonsInstantiated() {
        apply();
    }

    /**
     * Sets the buffer on the H2 store this process has open, once at start-up: the connection pool
     * keeps connections open for the life of the process, so H2 keeps that store open too.
     *
     * @return the store's buffer in bytes afterwards, or -1 when there is no embedded H2 store here
     */
    long apply() {
        if (database != Database.H2) {
            return -1;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            if (store == null) {
                return -1;
            }
            long asked = megabytes * 1024L * 1024L;
            long wanted = Math.min(asked, Runtime.getRuntime().maxMemory() / 4);
            if (megabytes > 0 && wanted > store.getAutoCommitMemory()) {
                if (wanted < asked && clippedOnce.compareAndSet(false, true)) {
                    log.info("fulfil.h2.store-buffer-mb={} is more than a quarter of the {} MB heap: using {} MB",
                            megabytes, Runtime.getRuntime().maxMemory() >> 20, wanted >> 20);
                }
                setBuffer(store, (int) wanted);
            }
            return store.getAutoCommitMemory();
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            log.warn("could not set H2's store buffer (fulfil.h2.store-buffer-mb), running with H2's own: {}",
                    e.toString());
            return -1;
        }
    }

    /**
     * The file store of the embedded database behind the connection; null if it is served remotely
     * or kept in memory (an in-memory store never writes, and has no buffer to set).
     */
    private static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? null : store;
    }

    private static void setBuffer(MVStore store, int bytes) throws ReflectiveOperationException {
        Field field = MVStore.class.getDeclaredField("autoCommitMemory");
        field.setAccessible(true);
        field.setInt(store, bytes);
    }
}
