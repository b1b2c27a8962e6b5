package io.fulfil.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Validation's checks ahead: batches checked on two threads, finishing in any order, come back to the
 * step's thread to be written exactly once each and in the order they were read.
 */
class CheckAheadTests {

    record Line(long line) implements ImportRow {
    }

    private static List<ParsedRow<Line>> batch(int first, int size) {
        List<ParsedRow<Line>> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(new ParsedRow<>(null, new Line(first + i)));
        }
        return batch;
    }

    @Test
    void batchesCheckedOutOfOrderAreHandedBackInFileOrderEachOnce() {
        Random random = new Random(7);
        Set checkedOn = new Set();
        List<Long> written = new ArrayList<>();
        Consumer<List<ParsedRow<Line>>> slowAndUneven = rows -> {
            sleep(random.nextInt(15));
            rows.forEach(r -> checkedOn.add(r.value().line(), Thread.currentThread().getName()));
        };
        int batches = 0;
        try (ValidateFileTasklet.CheckAhead<Line> ahead = new ValidateFileTasklet.CheckAhead<>("import-test")) {
            for (int b = 0; b < 40; b++, batches++) {
                List<ParsedRow<Line>> done = ahead.submit(batch(b * 3 + 2, b == 39 ? 1 : 3), slowAndUneven);
                if (done != null) {
                    done.forEach(r -> written.add(r.value().line()));
                }
            }
            for (List<ParsedRow<Line>> done = ahead.oldest(); done != null; done = ahead.oldest()) {
                done.forEach(r -> written.add(r.value().line()));
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long line = 2; line < 2 + 39 * 3 + 1; line++) {
            expected.add(line);
        }
        assertThat(batches).isEqualTo(40);
        assertThat(written).as("every row written once, in file order").isEqualTo(expected);
        assertThat(checkedOn.threads()).as("checked off the step's thread, on two threads")
                .allMatch(name -> name.startsWith("import-test-validate-check-")).hasSize(2);
    }

    @Test
    void aCheckThatFailsFailsTheStepWithItsOwnException() {
        try (ValidateFileTasklet.CheckAhead<Line> ahead = new ValidateFileTasklet.CheckAhead<>("import-test")) {
            ahead.submit(batch(2, 2), rows -> {
                throw new IllegalStateException("the database is gone");
            });
            assertThatThrownBy(ahead::oldest).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the database is gone");
        }
    }

    @Test
    void closingAfterAFailureDoesNotWaitForTheChecksStillRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        long began;
        try (ValidateFileTasklet.CheckAhead<Line> ahead = new ValidateFileTasklet.CheckAhead<>("import-test")) {
            ahead.submit(batch(2, 1), rows -> {
                started.countDown();
                sleep(60_000);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            began = System.nanoTime();
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)).isLessThan(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Which thread checked each line. */
    private static final class Set {
        private final ConcurrentHashMap<Long, String> threads = new ConcurrentHashMap<>();

        void add(long line, String thread) {
            threads.put(line, thread);
        }

        java.util.Set<String> threads() {
            return new java.util.HashSet<>(threads.values());
        }
    }
}
