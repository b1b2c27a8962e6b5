package io.fulfil.cancel;

import io.fulfil.ops.StepProgress;
import io.fulfil.picking.wave.PickLists;
import io.fulfil.picking.wave.WaveProgress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code cancel} job (CONTRACT §9, {@code jobs/cancel.md}): step {@code compensate} takes the
 * cancelled orders with work left, a chunk of orders per transaction ({@link Cancellations}); step
 * {@code rewrite-pick-lists} then writes again, one wave per transaction, the pick lists of the waves
 * cancelled fulfilment orders left. Both work from the database's state (what is done no longer
 * shows as work), so a failed run restarts, and a repeated one finds nothing to do.
 */
@Configuration(proxyBeanMethods = false)
public class CancelJobConfiguration {

    public static final String JOB_NAME = "cancel";

    @Bean
    Job cancel(JobRepository jobRepository, PlatformTransactionManager transactions, Compensation compensation,
               PickLists pickLists, WaveProgress waves, @Value("${fulfil.cancel.chunk-size:100}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("fulfil.cancel.chunk-size must be at least 1, not " + chunkSize);
        }
        StepProgress progress = new StepProgress(JOB_NAME, "orders");
        Step compensate = new StepBuilder("compensate", jobRepository)
                .<String, String>chunk(chunkSize)
                .transactionManager(transactions)
                .reader(compensation)
                .writer(compensation)
                .listener((StepExecutionListener) compensation)
                .listener((StepExecutionListener) progress)
                .listener((ItemWriteListener<Object>) progress)
                .build();
        Step rewrite = new StepBuilder("rewrite-pick-lists", jobRepository)
                .tasklet((contribution, context) -> {
                    List<String> stale = waves.stale();
                    if (stale.isEmpty()) {
                        return RepeatStatus.FINISHED;
                    }
                    pickLists.rewrite(stale.get(0));
                    waves.written(stale.get(0));
                    contribution.incrementWriteCount(1);
                    return stale.size() > 1 ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
                }, transactions)
                .allowStartIfComplete(true)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository).start(compensate).next(rewrite).build();
    }

    /** One per step execution, so two runs in one process never share a reader's page. */
    @Bean
    @StepScope
    Compensation cancelCompensation(Cancellations cancellations,
                                    @Value("${fulfil.cancel.chunk-size:100}") int chunkSize) {
        return new Compensation(cancellations, chunkSize);
    }

    /**
     * Reads cancelled orders with work left, a page at a time in key order, and compensates a chunk of
     * them per transaction. No reader state is saved: a restart asks the database what is left.
     */
    static class Compensation implements ItemReader<String>, ItemWriter<String>, StepExecutionListener {

        private final Cancellations cancellations;
        private final int pageSize;
        private final Deque<String> page = new ArrayDeque<>();
        private String after = "";
        private boolean exhausted;
        private long jobExecutionId;

        Compensation(Cancellations cancellations, int pageSize) {
            this.cancellations = cancellations;
            this.pageSize = pageSize;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            jobExecutionId = stepExecution.getJobExecutionId();
            page.clear();
            after = "";
            exhausted = false;
        }

        @Override
        public String read() {
            if (page.isEmpty() && !exhausted) {
                List<String> next = cancellations.pending(after, pageSize);
                exhausted = next.size() < pageSize;
                page.addAll(next);
                if (!next.isEmpty()) {
                    after = next.get(next.size() - 1);
                }
            }
            return page.poll();
        }

        @Override
        public void write(Chunk<? extends String> orders) {
            cancellations.compensate(List.copyOf(orders.getItems()), jobExecutionId);
        }
    }
}
