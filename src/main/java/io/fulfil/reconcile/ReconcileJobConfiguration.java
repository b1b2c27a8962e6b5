package io.fulfil.reconcile;

import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.KnownParameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code reconcile} job (see {@code jobs/reconcile.md}): one step that compares stock counters
 * with their evidence and checks money and quantities (CONTRACT §5), writes the CSV report and, with
 * {@code repair=true}, resets {@code allocated} through the stock ledger. It finds, reports and
 * repairs in one transaction, so a failed run changed nothing and a restart simply runs it again.
 *
 * <p>A run that found differences still completes (its work was done) but ends with the exit code
 * {@value #DIFFERENCES}; the command line turns that into exit 1. The counts and the report's path
 * are kept in the job's execution context under the keys below.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {

    public static final String JOB_NAME = "reconcile";
    public static final String DIFFERENCES = "DIFFERENCES";
    public static final String FOUND_KEY = "reconcile.differences";
    public static final String REPAIRED_KEY = "reconcile.repaired";
    public static final String REPORT_KEY = "reconcile.report";

    @Bean
    Job reconcile(JobRepository jobRepository, Step reconcileStockAndMoney) {
        return new JobBuilder(JOB_NAME, jobRepository).validator(ReconcileJobConfiguration::validate)
                .start(reconcileStockAndMoney).build();
    }

    static void validate(JobParameters parameters) throws InvalidJobParametersException {
        KnownParameters.of(JOB_NAME, Set.of("repair"), "[repair=true|false]").validate(parameters);
        String repair = parameters == null ? null : parameters.getString("repair");
        if (repair != null && !repair.equals("true") && !repair.equals("false")) {
            throw new InvalidJobParametersException("job parameter repair must be true or false, not '" + repair + "'");
        }
    }

    @Bean
    Step reconcileStockAndMoney(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                StockReconciliation reconciliation, InvariantChecks invariants, ReconcileReport report) {
        return new StepBuilder("reconcileStockAndMoney", jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            long executionId = step.getJobExecutionId();
            boolean repair = "true".equals(step.getJobParameters().getString("repair"));
            List<StockDifference> found;
            List<StockDifference> repaired;
            if (repair) {
                StockReconciliation.Repair done = reconciliation.repair("reconcile run " + executionId, executionId);
                found = done.found();
                repaired = done.repaired();
            } else {
                found = reconciliation.differences();
                repaired = List.of();
            }
            List<InvariantChecks.Violation> money = invariants.money();
            Path file = report.write(executionId, found, repaired, money);
            ExecutionContext context = step.getJobExecution().getExecutionContext();
            int differences = found.size() + money.size();
            context.putInt(FOUND_KEY, differences);
            context.putInt(REPAIRED_KEY, repaired.size());
            context.putString(REPORT_KEY, file.toString());
            if (differences > 0) {
                contribution.setExitStatus(new ExitStatus(DIFFERENCES, differences + " difference(s) found, "
                        + repaired.size() + " repaired; report: " + file));
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
