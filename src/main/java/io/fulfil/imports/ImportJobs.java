package io.fulfil.imports;

import io.fulfil.ops.RunLogContext;
import io.fulfil.ops.StepProgress;
import io.fulfil.support.Database;
import io.fulfil.support.LogContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds every import job the same way (a kind's job configuration declares its job as
 * {@code importJobs.job(kind)}): step {@code validate} (a tasklet that streams the file, see
 * {@link ValidateFileTasklet}), then, unless it rejected the file, the chunk-oriented step
 * {@code apply} (see {@link ImportFileReader}, {@link ImportChunkWriter}), and for a kind that
 * {@link ImportKind#settles() settles} the step {@code settle}. One step-scoped reader and writer
 * serve every kind, each finding its kind by the name of the job it runs in
 * ({@link ImportJobsConfiguration}).
 *
 * <p>Parameters: {@code file} (absolute path, non-identifying), {@code file.sha256} and
 * {@code partial} (identifying), so the same content imported again is the same job instance: once
 * COMPLETED it is not run again; a FAILED one (rejected, or failed part-way) runs again as a restart,
 * validating the file afresh and applying from where the last run stopped.
 *
 * <p>A kind that is {@linkplain ImportKind#partitioned() applied in partitions} (shipment manifests) has
 * as {@code apply} a partitioned step: {@code fulfil.import.partitions} workers ({@code apply-partition:
 * partition0}, ...), each a chunk step like the one above on its own thread, connection and
 * transactions, over the rows of its partition (its rows' parents are no other partition's). Spring
 * Batch keeps each partition's place; a restart runs each partition again from its last committed
 * chunk (one that completed finds nothing left, unless the restarted validation let rows through that
 * it rejected before), with the number of partitions of the first run.
 */
public final class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /**
     * Rows per chunk, in both steps, unless {@code fulfil.import.chunk-size} says otherwise. Each chunk
     * costs a commit (on H2 its changed pages written out) and a dozen reads and locks whatever its size;
     * 3,000 rows applied picks and manifests 5 to 8% faster than 1,000 at 100,000 orders on both
     * databases and picks 4% faster on H2 at 400,000 (on MariaDB there within the spread; README,
     * "Twelfth session"), and a chunk's rows are still few enough to hold.
     */
    public static final int CHUNK_SIZE = 3000;

    /**
     * Partitions of apply for a kind applied in partitions: {@code fulfil.import.partitions}, or when
     * that is 0 (the default) two on MySQL and one on H2. A 955,788-row manifest file on MariaDB
     * applied in 57 and 58 s in two partitions against 83 and 87 s in one, the server and the JVM each
     * working while the other partition waits on the other; on embedded H2, where both partitions share
     * one store, two took 109 s against 92 s (README, "Fifteenth session").
     */
    static int partitionsFor(int setting, Database database) {
        if (setting != 0) {
            return setting;
        }
        return database == Database.MYSQL ? 2 : 1;
    }

    /** Items per transaction of a kind's {@code settle} step. */
    static final int SETTLE_BATCH = 500;

    private static final Set<String> PARAMETERS = Set.of(ImportContext.FILE, ImportContext.SHA256,
            ImportContext.PARTIAL);

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final ImportFileReader<ImportRow> reader;
    private final ImportChunkWriter<ImportRow> writer;
    private final int chunkSize;
    private final GroupedCopies copies;
    private final int partitions;

    ImportJobs(JobRepository repository, PlatformTransactionManager transactions, ImportFileReader<ImportRow> reader,
               ImportChunkWriter<ImportRow> writer, int chunkSize, GroupedCopies copies, int partitions) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("fulfil.import.chunk-size must be at least 1, not " + chunkSize);
        }
        if (partitions < 1 || partitions > PartitionedRows.MAX_PARTITIONS) {
            throw new IllegalArgumentException("fulfil.import.partitions must be between 0 (per database) and "
                    + PartitionedRows.MAX_PARTITIONS + ", not " + partitions);
        }
        this.partitions = partitions;
        this.repository = repository;
        this.transactions = transactions;
        this.reader = reader;
        this.writer = writer;
        this.chunkSize = chunkSize;
        this.copies = copies;
    }

    /** The job of this kind of file, e.g. {@code import-picks}. */
    public Job job(ImportKind<?> kind) {
        int applyPartitions = kind.partitioned() ? partitions : 1;
        if (applyPartitions > 1 && kind.groupKey().isPresent()) {
            // both would write the one copy of the good rows
            throw new IllegalStateException(kind.jobName() + ": a kind is applied either grouped or in partitions");
        }
        Step validate = new StepBuilder("validate", repository)
                .tasklet(new ValidateFileTasklet<>(kind, chunkSize, copies, applyPartitions), transactions)
                .allowStartIfComplete(true)
                .build();
        // rows applied, every few seconds on stderr
        StepProgress progress = new StepProgress(kind.jobName(), "rows");
        Step apply;
        if (applyPartitions == 1) {
            apply = applyChunks("apply", progress).listener((StepExecutionListener) progress).build();
        } else {
            // the partitions add to the manager's count, which it starts; their log lines name the run
            // (RunLogContext, which the registrar cannot reach inside a partitioned step). A partition
            // that completed runs again on a restart, from where it ended: when the restarted validation
            // lets rows through that it rejected before (a partial import), such a row may lie in a
            // partition that completed, which then reads its rows again (those applied are unchanged)
            Step worker = applyChunks(APPLY_PARTITION, progress.partitionWrites())
                    .listener(new RunLogContext())
                    .allowStartIfComplete(true)
                    .build();
            SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(kind.jobName() + "-");
            threads.setTaskDecorator(LogContext::carried);
            apply = new StepBuilder("apply", repository)
                    .partitioner(APPLY_PARTITION, ImportJobs::partitions)
                    .step(worker)
                    .gridSize(applyPartitions)
                    .taskExecutor(threads)
                    .listener((StepExecutionListener) progress)
                    .build();
        }
        JobBuilder builder = new JobBuilder(kind.jobName(), repository);
        builder.validator(parameters -> validate(kind.jobName(), parameters));
        if (kind.groupKey().isPresent() || applyPartitions > 1) {
            builder.listener(new DeleteCopyWhenCompleted(kind.jobName()));
        }
        if (!kind.settles()) {
            return builder.start(validate).on("COMPLETED").to(apply)
                    .from(validate).on("*").fail()
                    .end().build();
        }
        // one transaction per batch of settled items, until there are none
        Step settle = new StepBuilder("settle", repository)
                .tasklet((contribution, context) -> kind.settle(SETTLE_BATCH) > 0
                        ? org.springframework.batch.infrastructure.repeat.RepeatStatus.CONTINUABLE
                        : org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED, transactions)
                .allowStartIfComplete(true)
                .build();
        return builder.start(validate).on("COMPLETED").to(apply).next(settle)
                .from(validate).on("*").fail()
                .end().build();
    }

    /** The name of each partition's step of a partitioned apply: {@code apply-partition:partition0}, ... */
    static final String APPLY_PARTITION = "apply-partition";

    /** The chunk step that applies rows (the whole file's, or a partition's), counting them on {@code progress}. */
    private ChunkOrientedStepBuilder<ImportRow, ImportRow> applyChunks(String name,
                                                                      ItemWriteListener<Object> progress) {
        return new StepBuilder(name, repository)
                .<ImportRow, ImportRow>chunk(chunkSize)
                .transactionManager(transactions)
                .reader(reader)
                .writer(writer)
                .listener((StepExecutionListener) writer)
                .listener(progress);
    }

    /** Partitions 0 to n - 1 of a partitioned apply, each context naming its number and how many there are. */
    static Map<String, ExecutionContext> partitions(int n) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(ImportContext.PARTITION, i);
            context.putInt(ImportContext.PARTITIONS, n);
            contexts.put("partition" + i, context);
        }
        return contexts;
    }

    /**
     * Deletes the grouped copy of a completed job instance: apply deletes it when read to the end, but
     * a restart that only had {@code settle} left to do validated, and so wrote it, again.
     */
    private final class DeleteCopyWhenCompleted implements JobExecutionListener {
        private final String jobName;

        DeleteCopyWhenCompleted(String jobName) {
            this.jobName = jobName;
        }

        @Override
        public void afterJob(JobExecution execution) {
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                Path copy = copies.of(jobName, execution.getJobInstance().getInstanceId());
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // only disk space: purge-history deletes it with the job instance
                    log.warn("cannot delete {}: {}", copy, e.getMessage());
                }
            }
        }
    }

    /** The apply step's reader for one step execution. */
    static <R extends ImportRow> ImportFileReader<R> reader(ImportKind<R> kind, StepExecution step,
                                                                   ImportChunkHook hook) {
        JobParameters parameters = step.getJobExecution().getJobParameters();
        ExecutionContext context = step.getExecutionContext();
        return new ImportFileReader<>(kind, Path.of(parameters.getString(ImportContext.FILE)),
                Boolean.parseBoolean(parameters.getString(ImportContext.PARTIAL)),
                step.getJobExecution().getExecutionContext(), hook, context.getInt(ImportContext.PARTITION, -1),
                context.getInt(ImportContext.PARTITIONS, 1));
    }

    /** The apply step's writer for one step execution. */
    static <R extends ImportRow> ImportChunkWriter<R> writer(ImportKind<R> kind, StepExecution step,
                                                                    ImportChunkHook hook) {
        JobParameters parameters = step.getJobExecution().getJobParameters();
        return new ImportChunkWriter<>(kind, Path.of(parameters.getString(ImportContext.FILE)),
                Boolean.parseBoolean(parameters.getString(ImportContext.PARTIAL)), step.getJobExecutionId(), hook);
    }

    static void validate(String jobName, JobParameters parameters) throws InvalidJobParametersException {
        List<String> names = parameters == null ? List.of()
                : parameters.parameters().stream().map(JobParameter::name).sorted().toList();
        List<String> unknown = names.stream().filter(n -> !PARAMETERS.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidJobParametersException("unknown parameter(s) for job " + jobName + ": "
                    + String.join(", ", unknown) + "; it takes: file=<path> [partial=true]");
        }
        String file = parameters.getString(ImportContext.FILE);
        if (file == null || !Path.of(file).isAbsolute() || parameters.getString(ImportContext.SHA256) == null) {
            throw new InvalidJobParametersException("job " + jobName + " needs file=<absolute path> and its"
                    + " file.sha256 (fulfil import and fulfil run add it)");
        }
    }
}
