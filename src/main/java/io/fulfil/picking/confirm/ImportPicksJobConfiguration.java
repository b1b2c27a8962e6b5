package io.fulfil.picking.confirm;

import io.fulfil.imports.ImportJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code import-picks} job: pick confirmations through the one import path (steps {@code validate} and {@code apply}; see
 * {@code jobs/import-picks.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportPicksJobConfiguration {

    public static final String JOB_NAME = "import-picks";

    @Bean
    Job importPicks(ImportJobs importJobs, PickConfirmations picks) {
        return importJobs.job(picks);
    }
}
