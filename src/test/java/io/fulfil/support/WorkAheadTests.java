package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hand-off the read-ahead and the split's planning share (the read-ahead's own tests cover a stop
 * under a running read and an interrupt): what the taker sees at the end, on a failure, on a stop.
 */
class WorkAheadTests {

    @Test
    void theEndIsNullAtEveryTakeAfterTheResults() throws Exception {
        WorkAhead<String> ahead = WorkAhead.start("test-ahead", 1, out -> {
            out.accept("a");
            out.accept("b");
        });

        assertThat(ahead.take()).isEqualTo("a");
        assertThat(ahead.ended()).isFalse();
        assertThat(ahead.take()).isEqualTo("b");
        assertThat(ahead.take()).isNull();
        assertThat(ahead.ended()).isTrue();
        assertThat(ahead.take()).isNull();
    }

    @Test
    void anErrorOfTheWorkReachesTheTakerAsItWasThrownAndOnce() throws Exception {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        WorkAhead<String> ahead = WorkAhead.start("test-ahead", 4, out -> {
            out.accept("a");
            throw error;
        });

        assertThat(ahead.take()).isEqualTo("a");
        assertThatThrownBy(ahead::take).isSameAs(error);
        assertThat(ahead.take()).isNull();
    }

    @Test
    void stoppingAProducerWaitingForRoomEndsItAndReleasesOnTheStoppingThread() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        CountDownLatch waitingForRoom = new CountDownLatch(1);
        WorkAhead<Integer> ahead = WorkAhead.start("test-ahead", 2, out -> {
            for (int i = 1; ; i++) {
                if (i == 4) {
                    waitingForRoom.countDown();
                }
                out.accept(i);
                produced.set(i);
            }
        });
        assertThat(ahead.take()).isEqualTo(1);
        assertThat(waitingForRoom.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Thread> releasedOn = new AtomicReference<>();
        ahead.stop(() -> releasedOn.set(Thread.currentThread()));

        assertThat(releasedOn.get()).isSameAs(Thread.currentThread());
        // 1 taken, 2 and 3 queued, 4 waiting for room when stopped: never passed
        assertThat(produced.get()).isEqualTo(3);
    }

    @Test
    void aCapacityBelowOneIsRefusedWithTheName() {
        assertThatThrownBy(() -> WorkAhead.start("wave-packing", 0, out -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wave-packing: capacity must be at least 1, is 0");
    }
}
