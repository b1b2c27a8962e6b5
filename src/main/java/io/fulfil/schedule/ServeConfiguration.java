package io.fulfil.schedule;

import io.fulfil.imports.Imports;
import io.fulfil.imports.InboxImports;
import io.fulfil.ops.Jobs;
import io.fulfil.picking.wave.WaveSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The scheduler of {@code serve}, present only when serve runs ({@code fulfil.serve.enabled}): Quartz
 * with its JDBC store in the application's database (tables from migration V7), clustered, so any
 * number of {@code serve} processes on one database fire each trigger once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fulfil.serve.enabled", havingValue = "true")
public class ServeConfiguration {

    static final String SCHEDULES = "jobs/schedules";

    @Bean
    SchedulerFactoryBean fulfilScheduler(DataSource dataSource, PlatformTransactionManager transactionManager,
                                         ApplicationContext context,
                                         @Value("${fulfil.serve.instance-id:AUTO}") String instanceId,
                                         @Value("${fulfil.serve.threads:4}") int threads) {
        return schedulerFactory(dataSource, transactionManager, context, instanceId, threads);
    }

    /**
     * A Quartz scheduler on the application's database. Every node uses the scheduler name
     * {@code fulfil} (that is what makes them one cluster) and its own instance id.
     */
    public static SchedulerFactoryBean schedulerFactory(DataSource dataSource, PlatformTransactionManager transactionManager,
                                                        ApplicationContext context, String instanceId, int threads) {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("fulfil");
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        factory.setJobFactory(jobFactory);
        factory.setAutoStartup(false);   // Serve starts it once the schedules are checked and installed
        factory.setWaitForJobsToCompleteOnShutdown(true);
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // the job data is plain strings, so no serialized Java objects in the database
        quartz.setProperty("org.quartz.jobStore.useProperties", "true");
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        factory.setQuartzProperties(quartz);
        return factory;
    }

    @Bean
    ScheduledRuns scheduledRuns(Jobs jobs, JobRepository jobRepository, Imports imports,
                                InboxImports inboxImports) {
        return new ScheduledRuns(jobs, jobRepository, imports, inboxImports);
    }

    @Bean
    Serve serve(Scheduler scheduler, ScheduledRuns runs, Map<String, Job> jobBeans,
                Imports imports, WaveSettings waveSettings, Environment environment,
                @Value("${fulfil.schedules.dir:}") String folder) {
        Set<String> importJobs = jobBeans.values().stream().map(Job::getName).filter(n -> imports.kindOfJob(n) != null)
                .collect(Collectors.toSet());
        return new Serve(scheduler, runs, jobBeans, importJobs, waveSettings, environment,
                folder.isBlank() ? installationFolder() : Path.of(folder).toAbsolutePath().normalize());
    }

    @Bean
    SchedulerHealth scheduler(Scheduler scheduler) {
        return new SchedulerHealth(scheduler);
    }

    /**
     * The installation's {@code jobs/schedules}: under {@code FULFIL_HOME} (set by {@code scripts/fulfil}),
     * else beside the folder of the running jar, else under the working directory.
     */
    static Path installationFolder() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getenv("FULFIL_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(SCHEDULES));
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jarFolder = Path.of(classPath).toAbsolutePath().getParent();
            if (jarFolder != null && jarFolder.getParent() != null) {
                candidates.add(jarFolder.getParent().resolve(SCHEDULES));
            }
        }
        candidates.add(Path.of(SCHEDULES));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(candidates.size() - 1))
                .toAbsolutePath().normalize();
    }
}
