package io.fulfil.imports;

import io.fulfil.support.Database;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What every import job shares: one reader and one writer per step execution of {@code apply},
 * each serving the kind whose job it runs in, and the {@link ImportJobs} that builds the jobs.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobsConfiguration {

    @Bean
    ImportJobs importJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          ImportFileReader<ImportRow> importReader, ImportChunkWriter<ImportRow> importWriter,
                          @Value("${fulfil.import.chunk-size:" + ImportJobs.CHUNK_SIZE + "}") int chunkSize,
                          GroupedCopies copies,
                          @Value("${fulfil.import.partitions:0}") int partitions, Database database) {
        return new ImportJobs(jobRepository, transactionManager, importReader, importWriter, chunkSize, copies,
                ImportJobs.partitionsFor(partitions, database));
    }

    @Bean
    @StepScope
    ImportFileReader<ImportRow> importReader(List<ImportKind<?>> kinds, @Value("#{stepExecution}") StepExecution step,
                                             ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.reader(kindOf(kinds, step), step, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }

    @Bean
    @StepScope
    ImportChunkWriter<ImportRow> importWriter(List<ImportKind<?>> kinds, @Value("#{stepExecution}") StepExecution step,
                                              ObjectProvider<ImportChunkHook> hook) {
        return ImportJobs.writer(kindOf(kinds, step), step, hook.getIfAvailable(() -> ImportChunkHook.NONE));
    }

    /** The kind whose job this step runs in. */
    @SuppressWarnings("unchecked")
    private static ImportKind<ImportRow> kindOf(List<ImportKind<?>> kinds, StepExecution step) {
        String jobName = step.getJobExecution().getJobInstance().getJobName();
        return (ImportKind<ImportRow>) kinds.stream().filter(k -> k.jobName().equals(jobName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no import kind runs job " + jobName));
    }
}
