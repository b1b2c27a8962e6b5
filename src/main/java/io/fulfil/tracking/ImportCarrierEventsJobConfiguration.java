package io.fulfil.tracking;

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
 * The {@code import-carrier-events} job: carrier events through the one import path (steps
 * {@code validate}, {@code apply} and {@code settle}; see {@code jobs/import-carrier-events.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportCarrierEventsJobConfiguration {

    public static final String JOB_NAME = "import-carrier-events";

    @Bean
    Job importCarrierEvents(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    CarrierEvents events, io.fulfil.imports.ImportFileReader<CarrierEventRow> importCarrierEventsReader,
                    io.fulfil.imports.ImportChunkWriter<CarrierEventRow> importCarrierEventsWriter,
                    @Value("${fulfil.import.chunk-size:" + ImportJobs.CHUNK_SIZE + "}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("fulfil.import.chunk-size must be at least 1, not " + chunkSize);
        }
        return ImportJobs.job(events, jobRepository, transactionManager, importCarrierEventsReader, importCarrierEventsWriter,
                chunkSize);
    }

    @Bean
    @StepScope
    io.fulfil.imports.ImportFileReader<CarrierEventRow> importCarrierEventsReader(CarrierEvents events,
            @Value("#{stepExecution}") StepExecution stepExecution, ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.reader(events, stepExecution, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }

    @Bean
    @StepScope
    io.fulfil.imports.ImportChunkWriter<CarrierEventRow> importCarrierEventsWriter(CarrierEvents events,
            @Value("#{stepExecution}") StepExecution stepExecution, ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.writer(events, stepExecution, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }
}
