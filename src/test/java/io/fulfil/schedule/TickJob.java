package io.fulfil.schedule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A job for the scheduler's tests, {@code serve-tick}: {@code items} chunks of one item, each written
 * after {@code sleep} ms. It records the parameters of every run and how many ran at once.
 */
@TestConfiguration(proxyBeanMethods = false)
class TickJob {

    static final List<Map<String, String>> RUNS = new CopyOnWriteArrayList<>();
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
    static final AtomicLong WRITTEN = new AtomicLong();

    static void reset() {
        RUNS.clear();
        ACTIVE.set(0);
        MOST_AT_ONCE.set(0);
        WRITTEN.set(0);
    }

    @Bean
    Job serveTick(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                  AbstractItemCountingItemStreamItemReader<Integer> tickReader, ItemWriter<Integer> tickWriter) {
        return new JobBuilder("serve-tick", jobRepository)
                .start(new StepBuilder("tick", jobRepository).<Integer, Integer>chunk(1)
                        .transactionManager(transactionManager).reader(tickReader).writer(tickWriter).build())
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        Map<String, String> parameters = new java.util.TreeMap<>();
                        execution.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
                        RUNS.add(parameters);
                        MOST_AT_ONCE.accumulateAndGet(ACTIVE.incrementAndGet(), Math::max);
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        ACTIVE.decrementAndGet();
                    }
                })
                .build();
    }

    /** Counts 0 .. items-1 and keeps its place, so a restart goes on where a stopped run ended. */
    @Bean
    @StepScope
    AbstractItemCountingItemStreamItemReader<Integer> tickReader(@Value("#{jobParameters['items'] ?: '1'}") String items) {
        AbstractItemCountingItemStreamItemReader<Integer> reader = new AbstractItemCountingItemStreamItemReader<>() {
            @Override
            protected Integer doRead() {
                return getCurrentItemCount() <= Integer.parseInt(items) ? getCurrentItemCount() : null;
            }

            @Override
            protected void doOpen() {
            }

            @Override
            protected void doClose() {
            }
        };
        reader.setName("tickReader");
        return reader;
    }

    @Bean
    @StepScope
    ItemWriter<Integer> tickWriter(@Value("#{jobParameters['sleep'] ?: '0'}") String sleep) {
        return chunk -> {
            Thread.sleep(Long.parseLong(sleep));
            WRITTEN.addAndGet(chunk.size());
        };
    }
}
