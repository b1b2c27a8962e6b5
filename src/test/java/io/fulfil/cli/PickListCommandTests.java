package io.fulfil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fulfil pick-list}: an unknown wave is one line on stderr and exit 1; no wave number is usage. */
class PickListCommandTests {

    @TempDir
    Path dataDir;

    @Test
    void anUnknownWaveIsOneLineAndExitOne() {
        System.setProperty("fulfil.data-dir", dataDir.toString());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        int usage;
        try {
            exit = FulfilCommandLine.execute("pick-list", "W999999");
            usage = FulfilCommandLine.execute("pick-list");
        } finally {
            System.setErr(err);
            System.clearProperty("fulfil.data-dir");
        }
        assertThat(exit).isEqualTo(1);
        assertThat(usage).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""))
                .isEqualTo("fulfil: no wave W999999 (wave numbers look like W000001)");
    }
}
