package io.fulfil.picking.wave;

import io.fulfil.ops.ReadAheadReader;
import io.fulfil.ops.StepProgress;
import io.fulfil.ops.StreamingCursor;
import io.fulfil.support.Database;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code wave} job (see {@code jobs/wave.md}): step {@code createWaves} packs ALLOCATED
 * fulfilment orders into waves and step {@code writePickLists} writes each new wave's pick list and
 * releases it. The domain ({@link WavePacker}, {@link WalkingOrder}, {@link CutOffs}) knows nothing
 * of Spring Batch; this class adapts it.
 *
 * <p>Each item of {@code createWaves} is a whole wave, so a chunk transaction creates whole waves or
 * none. Restart: neither reader keeps a position (saveState false); a restarted run reads the
 * ALLOCATED work, and the PLANNED waves, again, and what the failed run committed is in neither.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WaveSettings.class)
public class WaveJobConfiguration {

    public static final String JOB_NAME = "wave";

    private static final Logger log = LoggerFactory.getLogger(WaveJobConfiguration.class);
    private static final Set<String> PARAMETERS = Set.of("run.id", "requested.by");

    @Bean
    Job wave(JobRepository jobRepository, Step createWaves, Step writePickLists) {
        return new JobBuilder(JOB_NAME, jobRepository).validator(WaveJobConfiguration::validate)
                .start(createWaves).next(writePickLists).build();
    }

    /** Refuses parameters the job does not know, so a typo is not silently ignored. */
    static void validate(JobParameters parameters) throws InvalidJobParametersException {
        List<String> unknown = parameters == null ? List.of()
                : parameters.parameters().stream().map(JobParameter::name)
                        .filter(name -> !PARAMETERS.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidJobParametersException("unknown parameter(s) for job wave: " + String.join(", ", unknown)
                    + "; it takes: requested.by (run.id is added automatically)");
        }
    }

    @Bean
    Step createWaves(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     ItemStreamReader<PlannedWave> allocatedWorkReader, ItemWriter<PlannedWave> waveWriter,
                     WaveSettings settings) {
        StepProgress progress = new StepProgress("wave", "waves");
        return new StepBuilder("createWaves", jobRepository)
                .<PlannedWave, PlannedWave>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(allocatedWorkReader)
                .writer(waveWriter)
                .listener((StepExecutionListener) progress)
                .listener((org.springframework.batch.core.listener.ItemWriteListener<Object>) progress)
                .build();
    }

    @Bean
    Step writePickLists(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        JdbcCursorItemReader<String> plannedWavesReader, ItemWriter<String> pickListWriter,
                        PickLists pickLists, WaveSettings settings) {
        return new StepBuilder("writePickLists", jobRepository)
                .<String, String>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(plannedWavesReader)
                .writer(pickListWriter)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        int deleted = pickLists.deleteStaleParts();
                        if (deleted > 0) {
                            log.info("deleted {} partial pick-list file(s) left by an earlier run", deleted);
                        }
                    }
                })
                .build();
    }

    /** The ALLOCATED work in wave order, eligible under the cut-offs, packed into waves. */
    @Bean
    @StepScope
    ItemStreamReader<PlannedWave> allocatedWorkReader(DataSource dataSource, Database database, WaveSettings settings,
                                                      Clock clock) {
        JdbcCursorItemReader<WaveStore.CandidateRow> candidates = new StreamingCursor<>("allocatedWork", dataSource,
                database, WaveStore.CANDIDATES_SQL, WaveStore::candidateRow);
        // packed on a thread of its own while the step writes the waves before (about two chunks ahead)
        return new ReadAheadReader<>(new PackingReader(candidates, new WavePacker(settings), new CutOffs(settings, clock)),
                2 * settings.chunkSize(), "wave-packing");
    }

    @Bean
    @StepScope
    ItemWriter<PlannedWave> waveWriter(WaveStore store, Clock clock, ObjectProvider<WaveChunkHook> hook,
                                       @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        WaveChunkHook chunkHook = hook.getIfAvailable(() -> WaveChunkHook.NONE);
        return chunk -> chunkHook.wavesWritten(store.create(chunk.getItems(), LocalDateTime.now(clock), jobExecutionId));
    }

    /** Waves whose pick list is not written yet, oldest first. */
    @Bean
    @StepScope
    JdbcCursorItemReader<String> plannedWavesReader(DataSource dataSource, Database database) {
        return new JdbcCursorItemReaderBuilder<String>()
                .name("plannedWaves").dataSource(dataSource)
                .sql("SELECT wave_no FROM wave WHERE status = 'PLANNED' ORDER BY wave_no")
                .rowMapper((rs, i) -> rs.getString(1)).fetchSize(database.streamingFetchSize()).saveState(false)
                .verifyCursorPosition(false).build();
    }

    @Bean
    @StepScope
    ItemWriter<String> pickListWriter(PickLists pickLists, Clock clock, ObjectProvider<WaveChunkHook> hook) {
        WaveChunkHook chunkHook = hook.getIfAvailable(() -> WaveChunkHook.NONE);
        return chunk -> chunkHook.pickListsWritten(pickLists.release(chunk.getItems(), LocalDateTime.now(clock)));
    }

    /**
     * Reads candidates from the cursor, skips those after their warehouse's cut-off, and hands out
     * each wave as the packer closes it: an item is a whole wave.
     */
    static final class PackingReader implements ItemStreamReader<PlannedWave> {

        private final JdbcCursorItemReader<WaveStore.CandidateRow> candidates;
        private final WavePacker packer;
        private final CutOffs cutOffs;
        private boolean ended;
        /** Waves closed by the packer and not yet handed out, oldest first. */
        private final ArrayDeque<PlannedWave> ready = new ArrayDeque<>();
        /** The first row of the next candidate, read while collecting the lines of the one before. */
        private WaveStore.CandidateRow pending;

        PackingReader(JdbcCursorItemReader<WaveStore.CandidateRow> candidates, WavePacker packer, CutOffs cutOffs) {
            this.candidates = candidates;
            this.packer = packer;
            this.cutOffs = cutOffs;
        }

        @Override
        public void open(ExecutionContext executionContext) throws ItemStreamException {
            candidates.open(executionContext);
        }

        @Override
        public PlannedWave read() throws Exception {
            while (ready.isEmpty() && !ended) {
                WaveCandidate candidate = nextCandidate();
                if (candidate == null) {
                    ended = true;
                    ready.addAll(packer.finish());
                } else if (cutOffs.eligible(candidate.warehouseCode(), candidate.createdAt())) {
                    ready.addAll(packer.add(candidate));
                }
            }
            return ready.poll();
        }

        /** The next candidate with its lines: its rows arrive together (their order does not matter). */
        private WaveCandidate nextCandidate() throws Exception {
            WaveStore.CandidateRow row = pending != null ? pending : candidates.read();
            pending = null;
            if (row == null) {
                return null;
            }
            WaveCandidate c = row.candidate();
            List<WaveStore.Line> lines = new ArrayList<>();
            while (row != null && row.candidate().fulfilmentNo().equals(c.fulfilmentNo())) {
                if (row.line() != null) {
                    lines.add(row.line());
                }
                row = candidates.read();
            }
            pending = row;
            if (lines.isEmpty()) {
                return c;
            }
            return new WaveCandidate(c.fulfilmentNo(), c.warehouseCode(), c.temperatureZone(), c.express(),
                    c.createdAt(), c.lineCount(), c.units(), lines);
        }

        @Override
        public void close() throws ItemStreamException {
            candidates.close();
        }
    }
}
