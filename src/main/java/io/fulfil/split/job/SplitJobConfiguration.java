package io.fulfil.split.job;

import io.fulfil.fulfilment.FulfilmentNumberBlocks;
import io.fulfil.fulfilment.FulfilmentNumbers;
import io.fulfil.reference.JdbcReferenceData;
import io.fulfil.reference.SkuCatalog;
import io.fulfil.split.SplitPlanner;
import io.fulfil.stock.StockCache;
import io.fulfil.stock.StockLedger;
import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SequenceBlocks;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code split} job: one chunk-oriented step, {@code splitOrders}, that reads the demand in
 * serving order and splits and allocates it chunk by chunk (see {@code jobs/split.md}).
 *
 * <p>Restart: the reader keeps no position (saveState false). A restarted run reads the demand again;
 * what the failed run committed is no longer PAID, so it finishes exactly the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SplitSettings.class)
public class SplitJobConfiguration {

    public static final String JOB_NAME = "split";

    @Bean
    Job split(JobRepository jobRepository, Step splitOrders) {
        return new JobBuilder(JOB_NAME, jobRepository).validator(SplitJobConfiguration::validate)
                .start(splitOrders).build();
    }

    static final java.util.Set<String> PARAMETERS = java.util.Set.of("run.id", "requested.by");

    /** Refuses parameters the job does not know, so a typo is not silently ignored. */
    static void validate(JobParameters parameters) throws InvalidJobParametersException {
        java.util.List<String> unknown = parameters == null ? java.util.List.of()
                : parameters.parameters().stream().map(JobParameter::name)
                        .filter(name -> !PARAMETERS.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidJobParametersException("unknown parameter(s) for job split: " + String.join(", ", unknown)
                    + "; it takes: requested.by (run.id is added automatically)");
        }
    }

    @Bean
    Step splitOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     PlanAheadReader splitDemandReader, SplitChunkWriter splitChunkWriter,
                     NamedParameterJdbcTemplate jdbc, SplitSettings settings, Database database) {
        SplitProgress progress = new SplitProgress(jdbc);
        return new StepBuilder("splitOrders", jobRepository)
                .<String, String>chunk(settings.chunkSizeFor(database))
                .transactionManager(transactionManager)
                .reader(splitDemandReader)
                .writer(splitChunkWriter)
                .listener((org.springframework.batch.core.listener.StepExecutionListener) progress)
                .listener((org.springframework.batch.core.listener.ItemWriteListener<String>) progress)
                .build();
    }

    /**
     * The demand, planned ahead chunk by chunk on a thread of its own (see {@link PlanAheadReader}).
     * It reads the demand as one streaming query outside the step's transactions.
     */
    @Bean
    @StepScope
    PlanAheadReader splitDemandReader(DataSource dataSource, Database database, SplitStore store,
                                      StockLedger stockLedger, JdbcReferenceData referenceData, Clock clock,
                                      NamedParameterJdbcTemplate jdbc, SplitSettings settings, KeyLists keyLists,
                                      PlatformTransactionManager transactionManager,
                                      @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                      @Value("#{jobExecutionContext['" + SplitDemand.KEY + "']}") String demandServed) {
        JdbcTemplate demand = new JdbcTemplate(dataSource);
        demand.setFetchSize(database.streamingFetchSize());
        // a run takes its own blocks of fulfilment numbers and drops what it leaves unused
        FulfilmentNumbers numbers = new FulfilmentNumberBlocks(jdbc.getJdbcTemplate(), transactionManager);
        // and its own blocks of split keys, one a chunk (migration V15)
        SequenceBlocks splitKeys = new SequenceBlocks(jdbc.getJdbcTemplate(), transactionManager, "split_key",
                "migration V15");
        ChunkPlanner planner = new ChunkPlanner(store, new SplitPlanner(referenceData.load(), numbers),
                new SkuCatalog(jdbc, keyLists, settings.skuCacheSize()), clock, jobExecutionId, splitKeys::next);
        return new PlanAheadReader(demand, planner, new StockCache(stockLedger, settings.stockCacheSize()),
                settings.chunkSizeFor(database), SplitDemand.named(demandServed));
    }

    @Bean
    @StepScope
    SplitChunkWriter splitChunkWriter(SplitStore store, StockLedger stockLedger, PlanAheadReader splitDemandReader,
                                      ObjectProvider<SplitChunkHook> hook, PlatformTransactionManager transactionManager,
                                      SplitSettings settings, Database database) {
        return new SplitChunkWriter(store, stockLedger, splitDemandReader, hook.getIfAvailable(() -> SplitChunkHook.NONE),
                transactionManager, settings.writersFor(database), settings.readersFor(database));
    }
}
