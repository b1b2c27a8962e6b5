package io.fulfil.shipping;

import io.fulfil.imports.ImportJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code import-manifests} job: shipment manifests through the one import path (steps {@code validate}, {@code apply} and {@code settle}; see
 * {@code jobs/import-manifests.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportManifestsJobConfiguration {

    public static final String JOB_NAME = "import-manifests";

    @Bean
    Job importManifests(ImportJobs importJobs, Manifests manifests) {
        return importJobs.job(manifests);
    }
}
