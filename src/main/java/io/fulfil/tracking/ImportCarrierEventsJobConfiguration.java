package io.fulfil.tracking;

import io.fulfil.imports.ImportJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code import-carrier-events} job: carrier events through the one import path (steps {@code validate}, {@code apply} and {@code settle}; see
 * {@code jobs/import-carrier-events.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportCarrierEventsJobConfiguration {

    public static final String JOB_NAME = "import-carrier-events";

    @Bean
    Job importCarrierEvents(ImportJobs importJobs, CarrierEvents events) {
        return importJobs.job(events);
    }
}
