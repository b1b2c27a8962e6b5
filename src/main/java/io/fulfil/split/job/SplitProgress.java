package io.fulfil.split.job;

import io.fulfil.support.Progress;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Counts the orders to split when the step starts and reports count, rate and time left as it goes. */
class SplitProgress implements StepExecutionListener, ItemWriteListener<String> {

    private final NamedParameterJdbcTemplate jdbc;
    private Progress progress;

    SplitProgress(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        SplitDemand demand = SplitDemand.named(stepExecution.getJobExecution().getExecutionContext().get(SplitDemand.KEY));
        Long total = jdbc.getJdbcTemplate().queryForObject(demand.countSql, Long.class);
        progress = new Progress("split", "orders", total == null ? 0 : total);
    }

    @Override
    public void afterWrite(Chunk<? extends String> items) {
        if (progress != null) {
            progress.advance(items.size());
        }
    }
}
