package io.fulfil.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers taken from one row of {@code sequence_counter} a block at a time, each block in a short
 * transaction of its own: the counter row is then never held until a chunk commits, so two split
 * writers, or two runs, never queue behind it, and one statement serves thousands of numbers. A block
 * starts at 100 numbers and doubles up to 50,000, so a small run leaves a small gap. On H2 every
 * commit writes out every page changed since the last one, those of the chunk the writer has not
 * committed yet included, which its own commit then writes again: with blocks of up to 5,000 a
 * 200,000-order split on H2 spent about 6% of its time in those writes (profiled); up to 50,000 takes
 * a quarter as many blocks (13 instead of 54 for 245,000 numbers). Numbers of a block a run does not
 * use (it ends, fails or is killed) are never used: the numbers are unique and grow with time, but are
 * not gapless.
 */
public final class SequenceBlocks {

    private static final int FIRST_BLOCK = 100;
    private static final int LARGEST_BLOCK = 50_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    /** The counter's row: a name from the code, never input. */
    private final String counter;
    private final String createdBy;
    private int blockSize = FIRST_BLOCK;
    private long next;
    private long end;

    /**
     * @param counter   the {@code sequence_counter} row
     * @param createdBy the migration that creates that row, named when it is missing
     */
    public SequenceBlocks(JdbcTemplate jdbc, PlatformTransactionManager transactions, String counter,
                          String createdBy) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.createdBy = createdBy;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next unused number. */
    public synchronized long next() {
        if (next == end) {
            int size = blockSize;
            long last = ownTransaction.execute(status -> takeBlock(size));
            next = last - size + 1;
            end = last + 1;
            blockSize = Math.min(LARGEST_BLOCK, blockSize * 2);
        }
        return next++;
    }

    private long takeBlock(int size) {
        int updated = jdbc.update("UPDATE sequence_counter SET last_value = last_value + ? WHERE name = ?", size,
                counter);
        if (updated != 1) {
            throw new IllegalStateException("sequence_counter has no row '" + counter + "' (" + createdBy
                    + " creates it)");
        }
        return jdbc.queryForObject("SELECT last_value FROM sequence_counter WHERE name = ?", Long.class, counter);
    }
}
