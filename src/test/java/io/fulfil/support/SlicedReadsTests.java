package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlicedReadsTests {

    private static final List<String> KEYS = IntStream.range(0, 1000).mapToObj(i -> "K%04d".formatted(999 - i))
            .toList();

    @Test
    void readsKeyOrderedSlicesOnThreadsOfTheirOwnAndMergesEveryRow() {
        List<List<String>> slices = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (SlicedReads reads = new SlicedReads(4, "test-reader")) {
            Map<String, Integer> rows = reads.read(KEYS, keys -> {
                slices.add(keys);
                threads.add(Thread.currentThread().getName());
                Map<String, Integer> found = new HashMap<>();
                keys.forEach(k -> found.put(k, Integer.parseInt(k.substring(1))));
                return found;
            });

            assertThat(rows).hasSize(1000).containsEntry("K0000", 0).containsEntry("K0999", 999);
        }
        assertThat(slices).hasSize(4).allSatisfy(slice -> assertThat(slice).hasSize(250).isSorted());
        assertThat(threads).hasSize(4).allSatisfy(name -> assertThat(name).startsWith("test-reader-"));
    }

    @Test
    void fewKeysOrOneSliceAreReadOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        try (SlicedReads reads = new SlicedReads(4, "test-reader"); SlicedReads one = new SlicedReads(1, "x")) {
            assertThat(reads.read(KEYS.subList(0, 60), keys -> Map.of("thread", Thread.currentThread().getName())))
                    .containsEntry("thread", caller);
            assertThat(one.read(KEYS, keys -> Map.of("thread", Thread.currentThread().getName())))
                    .containsEntry("thread", caller);
        }
    }

    @Test
    void eachRunsOnEverySliceAtOnceAndReturnsWhenAllHaveRun() {
        List<List<String>> slices = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (SlicedReads reads = new SlicedReads(4, "test-reader")) {
            reads.each(KEYS, keys -> {
                slices.add(keys);
                threads.add(Thread.currentThread().getName());
            });

            assertThat(slices).hasSize(4);
        }
        assertThat(threads).hasSize(4);
        assertThat(slices.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(KEYS);
    }

    @Test
    void aSliceThatFailsFailsTheRead() {
        try (SlicedReads reads = new SlicedReads(4, "test-reader")) {
            assertThatThrownBy(() -> reads.read(KEYS, keys -> {
                if (keys.contains("K0500")) {
                    throw new IllegalStateException("the database went away");
                }
                return Map.of();
            })).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        }
    }
}
