package io.fulfil.shipping;

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
 * The {@code import-manifests} job: shipment manifests through the one import path (steps
 * {@code validate}, {@code apply} and {@code settle}; see {@code jobs/import-manifests.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportManifestsJobConfiguration {

    public static final String JOB_NAME = "import-manifests";

    @Bean
    Job importManifests(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    Manifests manifests, io.fulfil.imports.ImportFileReader<ManifestRow> importManifestsReader,
                    io.fulfil.imports.ImportChunkWriter<ManifestRow> importManifestsWriter,
                    @Value("${fulfil.import.chunk-size:" + ImportJobs.CHUNK_SIZE + "}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("fulfil.import.chunk-size must be at least 1, not " + chunkSize);
        }
        return ImportJobs.job(manifests, jobRepository, transactionManager, importManifestsReader, importManifestsWriter,
                chunkSize);
    }

    @Bean
    @StepScope
    io.fulfil.imports.ImportFileReader<ManifestRow> importManifestsReader(Manifests manifests,
            @Value("#{stepExecution}") StepExecution stepExecution, ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.reader(manifests, stepExecution, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }

    @Bean
    @StepScope
    io.fulfil.imports.ImportChunkWriter<ManifestRow> importManifestsWriter(Manifests manifests,
            @Value("#{stepExecution}") StepExecution stepExecution, ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.writer(manifests, stepExecution, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }
}
