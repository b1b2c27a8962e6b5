package io.fulfil.purge;

import io.fulfil.imports.GroupedCopies;
import io.fulfil.ops.KnownParameters;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code purge-history} job (see {@code jobs/purge-history.md}): deletes job-repository history
 * older than {@code keep-days}, a slice of {@value #SLICE} job instances per transaction, so a
 * stopped or failed run has kept what it committed and a restart (or the next run) goes on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeSettings.class)
public class PurgeHistoryJobConfiguration {

    public static final String JOB_NAME = "purge-history";
    static final int SLICE = 500;

    @Bean
    Job purgeHistory(JobRepository jobRepository, Step purgeJobHistory) {
        return new JobBuilder(JOB_NAME, jobRepository).validator(PurgeHistoryJobConfiguration::validate)
                .start(purgeJobHistory).build();
    }

    static void validate(JobParameters parameters) throws InvalidJobParametersException {
        KnownParameters.of(JOB_NAME, Set.of("keep-days"), "[keep-days=N] (default fulfil.purge.keep-days)")
                .validate(parameters);
        String keepDays = parameters == null ? null : parameters.getString("keep-days");
        if (keepDays != null && !keepDays.matches("[1-9][0-9]{0,4}")) {
            throw new InvalidJobParametersException("job parameter keep-days must be a whole number of days from 1,"
                    + " not '" + keepDays + "'");
        }
    }

    @Bean
    Step purgeJobHistory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         JobHistory history, PurgeSettings settings, Clock clock, GroupedCopies copies) {
        return new StepBuilder("purgeJobHistory", jobRepository).tasklet((contribution, chunkContext) -> {
            String parameter = contribution.getStepExecution().getJobParameters().getString("keep-days");
            int keepDays = parameter == null ? settings.keepDays() : Integer.parseInt(parameter);
            // Spring Batch writes its times as local date-times of this JVM's zone
            LocalDateTime cutoff = LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).minusDays(keepDays);
            List<Long> slice = history.purgeable(cutoff, SLICE);
            history.delete(slice);
            // an import instance that can never run again no longer needs the copy a failed run kept
            copies.deleteOf(slice);
            contribution.incrementWriteCount(slice.size());
            return slice.size() == SLICE ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
