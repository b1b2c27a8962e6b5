package io.fulfil.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The wave job's read-ahead: same items in the same order, failures where the step sees them, a clean stop. */
class ReadAheadReaderTests {

    /** Counts from 1 to {@code last}, noting which thread opened, read and closed it. */
    private static class Counting implements ItemStreamReader<Integer> {
        final int last;
        final RuntimeException failAfterLast;
        final AtomicInteger next = new AtomicInteger(1);
        final AtomicReference<Thread> openedOn = new AtomicReference<>();
        final AtomicReference<Thread> readOn = new AtomicReference<>();
        final AtomicReference<Thread> closedOn = new AtomicReference<>();

        Counting(int last, RuntimeException failAfterLast) {
            this.last = last;
            this.failAfterLast = failAfterLast;
        }

        @Override
        public void open(ExecutionContext context) {
            openedOn.set(Thread.currentThread());
        }

        @Override
        public Integer read() {
            readOn.set(Thread.currentThread());
            int n = next.getAndIncrement();
            if (n <= last) {
                return n;
            }
            if (failAfterLast != null) {
                throw failAfterLast;
            }
            return null;
        }

        @Override
        public void close() {
            closedOn.set(Thread.currentThread());
        }
    }

    @Test
    void everyItemComesOutOnceInTheSourcesOrderThenNull() throws Exception {
        Counting source = new Counting(1000, null);
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(source, 3, "test-read-ahead");
        reader.open(new ExecutionContext());
        List<Integer> read = new ArrayList<>();
        for (Integer item = reader.read(); item != null; item = reader.read()) {
            read.add(item);
        }
        assertThat(reader.read()).isNull();
        reader.close();

        assertThat(read).hasSize(1000);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(i + 1);
        }
        assertThat(source.openedOn.get()).isSameAs(Thread.currentThread());
        assertThat(source.closedOn.get()).isSameAs(Thread.currentThread());
        assertThat(source.readOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(source.readOn.get().getName()).isEqualTo("test-read-ahead");
    }

    @Test
    void aFailureOfTheSourceReachesTheStepAfterTheItemsReadBeforeIt() throws Exception {
        Counting source = new Counting(2, new IllegalStateException("cursor lost"));
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(source, 10, "test-read-ahead");
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo(1);
        assertThat(reader.read()).isEqualTo(2);
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("cursor lost");
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void aSourceThatCannotOpenFailsOpenOnTheStepsThread() {
        ItemStreamReader<Integer> broken = new Counting(1, null) {
            @Override
            public void open(ExecutionContext context) {
                throw new ItemStreamException("no such table: wave");
            }
        };
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(broken, 1, "test-read-ahead");
        assertThatThrownBy(() -> reader.open(new ExecutionContext())).hasMessage("no such table: wave");
    }

    @Test
    void closingBeforeTheEndStopsTheReadAheadThreadAFewItemsAhead() throws Exception {
        CountDownLatch full = new CountDownLatch(1);
        Counting source = new Counting(Integer.MAX_VALUE, null) {
            @Override
            public Integer read() {
                Integer n = super.read();
                if (n == 4) {
                    full.countDown();
                }
                return n;
            }
        };
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(source, 2, "test-read-ahead");
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo(1);
        assertThat(full.await(10, TimeUnit.SECONDS)).isTrue();
        Thread readAhead = source.readOn.get();
        reader.close();

        assertThat(readAhead.isAlive()).isFalse();
        // the bound holds: the thread stopped a few items ahead, not at the end of an endless source
        assertThat(source.next.get()).isLessThan(10);
    }

    @Test
    void closingWhileTheSourceIsInAReadClosesItOnlyOnceThatReadHasReturned() throws Exception {
        CountDownLatch inSecondRead = new CountDownLatch(1);
        CountDownLatch releaseSecondRead = new CountDownLatch(1);
        AtomicBoolean secondReadReturned = new AtomicBoolean();
        AtomicBoolean closedAfterTheRead = new AtomicBoolean();
        Counting source = new Counting(10, null) {
            @Override
            public Integer read() {
                Integer n = super.read();
                if (Integer.valueOf(2).equals(n)) {
                    inSecondRead.countDown();
                    awaitQuietly(releaseSecondRead);
                    secondReadReturned.set(true);
                }
                return n;
            }

            @Override
            public void close() {
                closedAfterTheRead.set(secondReadReturned.get());
                super.close();
            }
        };
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(source, 5, "test-read-ahead");
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isEqualTo(1);
        assertThat(inSecondRead.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(reader::close);
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits for the read under way").isTrue();
        assertThat(source.closedOn.get()).isNull();

        releaseSecondRead.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(closedAfterTheRead).isTrue();
        assertThat(source.closedOn.get()).isSameAs(closer);
    }

    @Test
    void anInterruptOfTheReadAheadThreadLosesNoItem() throws Exception {
        CountDownLatch queueFull = new CountDownLatch(1);
        Counting source = new Counting(50, null) {
            @Override
            public Integer read() {
                Integer n = super.read();
                if (n != null && n == 4) {
                    queueFull.countDown();
                }
                return n;
            }
        };
        ReadAheadReader<Integer> reader = new ReadAheadReader<>(source, 3, "test-read-ahead");
        reader.open(new ExecutionContext());
        assertThat(queueFull.await(10, TimeUnit.SECONDS)).isTrue();
        source.readOn.get().interrupt();

        List<Integer> read = new ArrayList<>();
        for (Integer item = reader.read(); item != null; item = reader.read()) {
            read.add(item);
        }
        reader.close();
        assertThat(read).hasSize(50).startsWith(1, 2, 3, 4, 5).endsWith(49, 50);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new ReadAheadReader<>(new Counting(1, null), 0, "test-read-ahead"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
