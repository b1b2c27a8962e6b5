package io.fulfil.ops;

import io.fulfil.support.Progress;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Reports a chunk step's progress on standard error every few seconds (count and rate), so that an
 * operator watching a long run, or a script, sees it move.
 */
public final class StepProgress implements StepExecutionListener, ItemWriteListener<Object> {

    private final String task;
    private final String unit;
    private Progress progress;

    public StepProgress(String task, String unit) {
        this.task = task;
        this.unit = unit;
    }

    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        progress = new Progress(task, unit, 0);
    }

    @Override
    public synchronized void afterWrite(Chunk<?> items) {
        if (progress != null) {
            progress.advance(items.size());
        }
    }

    /**
     * A listener that adds the items a partition of a partitioned step writes to this count, which the
     * manager step (listened to by this) starts: the partitions run at once, on threads of their own.
     */
    public ItemWriteListener<Object> partitionWrites() {
        return new ItemWriteListener<>() {
            @Override
            public void afterWrite(Chunk<?> items) {
                StepProgress.this.afterWrite(items);
            }
        };
    }
}
