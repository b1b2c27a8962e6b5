package io.fulfil.report;

import io.fulfil.ops.KnownParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code daily-report} job (see {@code jobs/daily-report.md}): one step that counts a business
 * day's figures and writes them as CSV under the outbox. It only reads the database; its file is
 * replaced whole, so any run may be repeated.
 */
@Configuration(proxyBeanMethods = false)
public class DailyReportJobConfiguration {

    public static final String JOB_NAME = "daily-report";
    public static final String REPORT_KEY = "daily-report.file";
    public static final String DATE_KEY = "daily-report.date";

    @Bean
    Job dailyReportJob(JobRepository jobRepository, Step writeDailyReport) {
        return new JobBuilder(JOB_NAME, jobRepository).validator(DailyReportJobConfiguration::validate)
                .start(writeDailyReport).build();
    }

    static void validate(JobParameters parameters) throws InvalidJobParametersException {
        KnownParameters.of(JOB_NAME, Set.of("date"), "[date=YYYY-MM-DD] (default: yesterday in fulfil.time-zone)")
                .validate(parameters);
        String date = parameters == null ? null : parameters.getString("date");
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidJobParametersException("job parameter date must be a day as YYYY-MM-DD, not '" + date + "'");
            }
        }
    }

    /** The business time zone, {@code fulfil.time-zone}: refused at start, naming the key, when unknown. */
    @Bean
    BusinessTimeZone businessTimeZone(@Value("${fulfil.time-zone:Asia/Shanghai}") String zone) {
        try {
            return new BusinessTimeZone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("fulfil.time-zone '" + zone + "' is not a time zone (e.g. Asia/Shanghai)");
        }
    }

    @Bean
    Step writeDailyReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          DailyFigures figures, DailyReport report, BusinessTimeZone businessTimeZone, Clock clock) {
        return new StepBuilder("writeDailyReport", jobRepository).tasklet((contribution, chunkContext) -> {
            ZoneId zone = businessTimeZone.zone();
            String date = contribution.getStepExecution().getJobParameters().getString("date");
            // without a date: the day that ended last in the business zone (the schedule runs just after midnight)
            LocalDate day = date != null ? LocalDate.parse(date) : LocalDate.now(clock.withZone(zone)).minusDays(1);
            Path file = report.write(day, zone, figures.of(day, zone));
            var context = contribution.getStepExecution().getJobExecution().getExecutionContext();
            context.putString(REPORT_KEY, file.toString());
            context.putString(DATE_KEY, day.toString());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
