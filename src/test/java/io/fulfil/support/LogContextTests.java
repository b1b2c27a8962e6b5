package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTests {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aThreadStartedForARunNamesTheRunInItsLogLinesAndForgetsItAfterwards() throws Exception {
        MDC.put("run", "split #7 splitOrders");
        AtomicReference<String> during = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>("not run");
        Runnable task = LogContext.carried(() -> during.set(MDC.get("run")));
        MDC.clear();

        Thread thread = new Thread(() -> {
            task.run();
            after.set(MDC.get("run"));
        });
        thread.start();
        thread.join();

        assertThat(during.get()).isEqualTo("split #7 splitOrders");
        assertThat(after.get()).isNull();
    }
}
