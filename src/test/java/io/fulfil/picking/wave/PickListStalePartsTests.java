package io.fulfil.picking.wave;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.support.files.FileRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clearing the partial files a killed run left, while another run writes pick lists beside them:
 * files appear and are renamed during the walk, and that must not fail the step that clears them.
 */
class PickListStalePartsTests {

    @TempDir
    Path outbox;

    @Test
    void partialFilesAreDeletedAndFinishedFilesKept() throws Exception {
        PickLists pickLists = pickLists();
        Path folder = Files.createDirectories(outbox.resolve("pick-lists").resolve("WH-SH"));
        Files.writeString(folder.resolve(".W000001.csv.part"), "half");
        Files.writeString(folder.resolve("W000002.csv"), "whole");

        assertThat(pickLists.deleteStaleParts()).isEqualTo(1);
        assertThat(folder.resolve(".W000001.csv.part")).doesNotExist();
        assertThat(folder.resolve("W000002.csv")).hasContent("whole");
    }

    @Test
    void filesRenamedDuringTheWalkDoNotFailIt() throws Exception {
        PickLists pickLists = pickLists();
        Path root = Files.createDirectories(outbox.resolve("pick-lists"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int n = 0; !stop.get(); n++) {
                    Path folder = Files.createDirectories(root.resolve("WH-" + (n % 20)));
                    Path part = folder.resolve(".W%06d.csv.part".formatted(n));
                    Path done = folder.resolve("W%06d.csv".formatted(n));
                    try {
                        Files.writeString(part, "rows");
                        Files.move(part, done);
                    } catch (java.nio.file.NoSuchFileException deletedByTheWalk) {
                        // the walk took it for a killed run's file: a real writer writes it once more
                    }
                    // folders stay small, and finished files vanish under the walk too
                    Files.deleteIfExists(done);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 3000; i++) {
                pickLists.deleteStaleParts();
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(writerFailure.get()).isNull();
    }

    private PickLists pickLists() {
        return new PickLists(null, null, new FileRoots(outbox.toString(), outbox.toString(), null), null);
    }
}
