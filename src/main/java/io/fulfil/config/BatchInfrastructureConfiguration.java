package io.fulfil.config;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Isolation;

/**
 * The Spring Batch job repository lives in the same database as the business tables, so every run
 * can be listed, explained and restarted later. READ_COMMITTED for creating executions avoids the
 * deadlocks MySQL shows under SERIALIZABLE when two runs start at once (spring-batch#2884).
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing
@EnableJdbcJobRepository(isolationLevelForCreate = Isolation.READ_COMMITTED)
class BatchInfrastructureConfiguration {
}
