package io.fulfil.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTests {

    @TempDir
    Path folder;

    @Test
    void twoWritersOfOneFileAtOnceLeaveOneWholeFileAndNoPartFile() throws IOException {
        Path target = folder.resolve("stalled-2026-12-03.csv");
        try (CsvOutput first = CsvOutput.create(target, "tracking_no", "status");
             CsvOutput second = CsvOutput.create(target, "tracking_no", "status")) {
            // interleaved, as a schedule and an operator writing the same report in the same second
            for (int i = 0; i < 2000; i++) {
                first.row("SF" + i, "SHIPPED");
                second.row("JD" + i, "EXCEPTION");
            }
            first.commit();
            second.commit();
        }
        String written = Files.readString(target, StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder("\uFEFFtracking_no,status\r\n");
        for (int i = 0; i < 2000; i++) {
            expected.append("JD").append(i).append(",EXCEPTION\r\n");
        }
        assertThat(written).isEqualTo(expected.toString());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stalled-2026-12-03.csv");
        }
    }

    @Test
    void anAbandonedWriterLeavesTheOldFileAndNoPartFile() throws IOException {
        Path target = folder.resolve("reconcile.csv");
        try (CsvOutput out = CsvOutput.create(target, "sku_code")) {
            out.row("=cmd|' /C calc'!A0");
            out.commit();
        }
        try (CsvOutput out = CsvOutput.create(target, "sku_code")) {
            out.row("half written");
        }
        assertThat(Files.readString(target, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFsku_code\r\n'=cmd|' /C calc'!A0\r\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("reconcile.csv");
        }
    }
}
