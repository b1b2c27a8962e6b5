package io.fulfil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.imports.Imports;
import io.fulfil.ops.Jobs;
import io.fulfil.picking.wave.WaveSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The scheduler of {@code serve} (CONTRACT §10) on a real database, with schedulers made here as
 * serve makes its own (several at once make a cluster), running the test job {@code serve-tick}.
 */
abstract class ServeFunctionalTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ScheduledRuns runs;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Jobs jobs;
    @Autowired
    Map<String, Job> jobBeans;
    @Autowired
    Imports imports;
    @Autowired
    WaveSettings waveSettings;
    @Autowired
    Environment environment;
    @Autowired
    io.fulfil.support.files.FileRoots roots;

    @TempDir
    Path folder;

    private final List<SchedulerFactoryBean> schedulers = new ArrayList<>();

    @BeforeEach
    void clean() {
        TickJob.reset();
        runs.allowStarting();   // a test before may have stopped serve
        // a run some earlier test left running would keep the schedules here from starting theirs
        jobRepository.findRunningJobExecutions("serve-tick").forEach(jobOperator::recover);
    }

    @AfterEach
    void shutDown() throws Exception {
        for (SchedulerFactoryBean scheduler : schedulers) {
            scheduler.destroy();
        }
    }

    @Test
    void aScheduleRunsItsJobWithItsParametersAndItsFireTimeAsRunId() throws Exception {
        schedule("tick-params", "parameters=items=2 sleep=0");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Serve serve = serve("node-a");
        serve.start();
        await(() -> TickJob.RUNS.size() >= 1 && TickJob.ACTIVE.get() == 0, Duration.ofSeconds(10));
        serve.stop();

        Map<String, String> first = TickJob.RUNS.get(0);
        assertThat(first).containsEntry("items", "2").containsEntry("sleep", "0").hasSize(3);
        assertThat(first.get("run.id")).matches("schedule tick-params \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Instant fireTime = Instant.parse(first.get("run.id").substring("schedule tick-params ".length()));
        assertThat(fireTime).isBetween(before, before.plusSeconds(10));
        JobExecution execution = jobRepository.getLastJobExecution(jobRepository.getJobInstance("serve-tick",
                parameters(first)));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).singleElement().extracting(s -> s.getWriteCount()).isEqualTo(2L);
    }

    @Test
    void twoSchedulersOnOneDatabaseFireEachTriggerOnceAndNeverRunItTwiceAtOnce() throws Exception {
        // each run takes longer than the second between fires: only the cluster's lock keeps them apart
        schedule("tick-cluster", "parameters=items=1 sleep=1200");
        Serve a = serve("node-a");
        Serve b = serve("node-b");
        a.install();
        b.install();
        a.start();
        b.start();
        await(() -> TickJob.RUNS.size() >= 3, Duration.ofSeconds(20));
        a.stop();
        b.stop();

        List<String> runIds = TickJob.RUNS.stream().map(r -> r.get("run.id")).toList();
        assertThat(runIds).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(TickJob.MOST_AT_ONCE.get()).isEqualTo(1);
    }

    @Test
    void aRecoveredFireRestartsTheExecutionItsDeadServeLeftInsteadOfStartingAnew() throws Exception {
        // what a serve killed mid-run leaves: the fire's instance with an execution still STARTED
        Instant fireTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> parameters = Map.of("items", "3", "run.id", ScheduledRuns.runId("tick-crash", fireTime));
        JobInstance instance = jobRepository.createJobInstance("serve-tick", parameters(parameters));
        JobExecution dead = jobRepository.createJobExecution(instance, parameters(parameters), new ExecutionContext());
        dead.setStatus(BatchStatus.STARTED);
        dead.setStartTime(java.time.LocalDateTime.now());
        jobRepository.update(dead);

        JobExecution again = runs.fire("tick-crash", "serve-tick", Map.of("items", "3"), fireTime, true);

        assertThat(again.getJobInstance().getInstanceId()).isEqualTo(instance.getInstanceId());
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jobRepository.getJobExecutions(instance)).extracting(JobExecution::getStatus)
                .containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
        // the same fire once more (a second recovery, a duplicate trigger): the instance is done, nothing runs
        assertThat(runs.fire("tick-crash", "serve-tick", Map.of("items", "3"), fireTime, true)).isNull();
        assertThat(jobRepository.getJobExecutions(instance)).hasSize(2);
    }

    @Test
    void stoppingServeStopsItsRunningJobAfterTheChunkAsStoppedAndRestartable() throws Exception {
        schedule("tick-stop", "parameters=items=20 sleep=100");
        Serve serve = serve("node-a");
        serve.start();
        await(() -> TickJob.WRITTEN.get() >= 2, Duration.ofSeconds(10));
        serve.stop();   // what SIGTERM does in fulfil serve

        JobExecution stopped = jobRepository.getLastJobExecution(jobRepository.getJobInstance("serve-tick",
                parameters(TickJob.RUNS.get(0))));
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(stopped.getStepExecutions().iterator().next().getWriteCount()).isBetween(2L, 19L);

        JobExecution restarted = jobs.restart(stopped.getId(), false);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(stopped.getJobInstance().getInstanceId());
    }

    @Test
    void anImportScheduleLeavesItsInboxAloneWhileAnImportOfItsKindRunsElsewhere() throws Exception {
        // e.g. left STARTED by a process that died: importing again would wait for it forever
        JobParameters elsewhere = parameters(Map.of("run.id", "elsewhere " + Instant.now()));
        JobInstance instance = jobRepository.createJobInstance("import-picks", elsewhere);
        JobExecution running = jobRepository.createJobExecution(instance, elsewhere, new ExecutionContext());
        running.setStatus(BatchStatus.STARTED);
        jobRepository.update(running);
        Path waiting = Files.writeString(roots.inboxFolder("picks").resolve("waiting-" + System.nanoTime() + ".csv"),
                "wave_no,warehouse_code\n");
        long instances = jobRepository.getJobInstanceCount("import-picks");
        try {
            assertThat(runs.fire("import-picks", "import-picks", Map.of(), Instant.now(), false)).isNull();

            assertThat(waiting).exists();
            assertThat(jobRepository.getJobInstanceCount("import-picks")).isEqualTo(instances);
        } finally {
            jobOperator.recover(running);
            Files.deleteIfExists(waiting);
        }
    }

    private void schedule(String name, String... lines) throws Exception {
        List<String> file = new ArrayList<>(List.of("job=serve-tick", "cron=* * * * * ?", "misfire=skip"));
        file.addAll(List.of(lines));
        Files.write(folder.resolve(name + ".properties"), file);
    }

    private Serve serve(String instanceId) throws Exception {
        SchedulerFactoryBean factory = ServeConfiguration.schedulerFactory(dataSource, transactionManager, context,
                instanceId, 2);
        factory.afterPropertiesSet();
        schedulers.add(factory);
        Scheduler scheduler = factory.getObject();
        Set<String> importJobs = jobBeans.values().stream().map(Job::getName).filter(n -> imports.kindOfJob(n) != null)
                .collect(Collectors.toSet());
        return new Serve(scheduler, runs, jobBeans, importJobs, waveSettings, environment, folder);
    }

    private static JobParameters parameters(Map<String, String> values) {
        JobParametersBuilder builder = new JobParametersBuilder();
        values.forEach(builder::addString);
        return builder.toJobParameters();
    }

    private static void await(BooleanSupplier condition, Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", patience).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
