package io.fulfil.picking.confirm;

import io.fulfil.imports.ImportChunkHook;
import io.fulfil.imports.ImportJobs;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code import-picks} job: pick confirmations through the one import path (steps
 * {@code validate} and {@code apply}; see {@code jobs/import-picks.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportPicksJobConfiguration {

    public static final String JOB_NAME = "import-picks";

    @Bean
    Job importPicks(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    PickConfirmations picks, io.fulfil.imports.ImportFileReader<PickConfirmation> importPicksReader,
                    io.fulfil.imports.ImportChunkWriter<PickConfirmation> importPicksWriter,
                    @Value("${fulfil.import.chunk-size:" + ImportJobs.CHUNK_SIZE + "}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("fulfil.import.chunk-size must be at least 1, not " + chunkSize);
        }
        return ImportJobs.job(picks, jobRepository, transactionManager, importPicksReader, importPicksWriter,
                chunkSize);
    }

    @Bean
    @StepScope
    io.fulfil.imports.ImportFileReader<PickConfirmation> importPicksReader(PickConfirmations picks,
            @Value("#{stepExecution}") StepExecution stepExecution, ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.reader(picks, stepExecution, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }

    @Bean
    @StepScope
    io.fulfil.imports.ImportChunkWriter<PickConfirmation> importPicksWriter(PickConfirmations picks,
            @Value("#{stepExecution}") StepExecution stepExecution, ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.writer(picks, stepExecution, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }
}
