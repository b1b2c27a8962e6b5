package io.fulfil.fulfilment;

import io.fulfil.support.SequenceBlocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Fulfilment numbers taken from the {@code fulfilment} row of {@code sequence_counter} a block at a
 * time ({@link SequenceBlocks}): unique and growing with time, not gapless.
 */
public final class FulfilmentNumberBlocks implements FulfilmentNumbers {

    private final SequenceBlocks blocks;

    public FulfilmentNumberBlocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.blocks = new SequenceBlocks(jdbc, transactions, "fulfilment", "migration V12");
    }

    @Override
    public String next() {
        return FulfilmentNumbers.format(blocks.next());
    }
}
