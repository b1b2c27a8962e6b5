package io.fulfil.backorder;

import io.fulfil.ops.KnownParameters;
import io.fulfil.split.job.SplitDemand;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code backorder-retry} job (see {@code jobs/backorder-retry.md}): the split's own step
 * ({@code splitOrders}), run over the open backorders only. The split's rules, locks, chunks and
 * restart are therefore exactly the split's; only the demand differs, chosen through the job's
 * execution context ({@link SplitDemand}) before the step starts. Paid orders not yet split wait for
 * the next {@code split}.
 */
@Configuration(proxyBeanMethods = false)
public class BackorderRetryJobConfiguration {

    public static final String JOB_NAME = "backorder-retry";

    @Bean
    Job backorderRetry(JobRepository jobRepository, Step splitOrders) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(KnownParameters.of(JOB_NAME, Set.of(), "no parameters (run.id is added automatically)"))
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution jobExecution) {
                        jobExecution.getExecutionContext().putString(SplitDemand.KEY, SplitDemand.BACKORDERS.name());
                    }
                })
                .start(splitOrders).build();
    }
}
