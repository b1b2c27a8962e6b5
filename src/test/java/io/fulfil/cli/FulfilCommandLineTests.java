package io.fulfil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;

/** Errors reach the operator as one line that names the cause. */
class FulfilCommandLineTests {

    @TempDir
    Path dataDir;

    @Test
    void oneLineSkipsSpringsWrappersForTheReason() {
        IllegalArgumentException reason =
                new IllegalArgumentException("fulfil.split.chunk-size must be between 0 (per database) and 10000, is -1");
        BeanCreationException bean = new BeanCreationException("splitSettings", "Could not bind properties", reason);
        UnsatisfiedDependencyException outer = new UnsatisfiedDependencyException("split-config", "split",
                "splitOrders", bean);

        assertThat(FulfilCommandLine.oneLine(outer))
                .isEqualTo("fulfil.split.chunk-size must be between 0 (per database) and 10000, is -1");
    }

    @Test
    void oneLineKeepsAMessageOnOneLine() {
        assertThat(FulfilCommandLine.oneLine(new IllegalStateException("stock.csv line 3:\n  bad  quantity")))
                .isEqualTo("stock.csv line 3: bad quantity");
    }

    @Test
    void aSettingOutOfRangeFailsTheCommandWithOneLineNamingTheKey() {
        assertThat(runsWith("fulfil.h2.store-buffer-mb", "-1"))
                .isEqualTo("fulfil: fulfil.h2.store-buffer-mb must be between 0 (H2's own) and 255, is -1");
    }

    @Test
    void aSettingThatIsNoNumberFailsTheCommandWithOneLineNamingTheKey() {
        assertThat(runsWith("fulfil.split.chunk-size", "many"))
                .isEqualTo("fulfil: setting fulfil.split.chunk-size = 'many': For input string: \"many\"");
    }

    @Test
    void aJobParameterTheJobDoesNotTakeIsAUsageErrorNamingIt() {
        System.setProperty("fulfil.data-dir", dataDir.toString());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = FulfilCommandLine.execute("run", "purge-history", "keep-day=3");
        } finally {
            System.setErr(err);
            System.clearProperty("fulfil.data-dir");
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8).strip()).startsWith(
                "fulfil: unknown parameter(s) for job purge-history: keep-day; it takes: [keep-days=N]").doesNotContain("\n");
    }

    @Test
    void importsHelpNamesEveryKindItTakes() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = FulfilCommandLine.execute("import", "--help");
        } finally {
            System.setOut(out);
        }
        assertThat(exit).isZero();
        String help = captured.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(help).contains("Kinds: picks (pick confirmations), manifests (parcels handed to carriers), "
                + "carrier-events (carriers' tracking events).").doesNotContain("planned");
    }

    /** What {@code fulfil runs} prints on stderr with one setting given; asserts it exits with 1. */
    private String runsWith(String key, String value) {
        System.setProperty("fulfil.data-dir", dataDir.toString());
        System.setProperty(key, value);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = FulfilCommandLine.execute("runs");
        } finally {
            System.setErr(err);
            System.clearProperty("fulfil.data-dir");
            System.clearProperty(key);
        }
        assertThat(exit).isEqualTo(1);
        return captured.toString(StandardCharsets.UTF_8).strip();
    }
}
