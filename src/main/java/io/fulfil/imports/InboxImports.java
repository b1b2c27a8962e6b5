package io.fulfil.imports;

import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports every file waiting in a kind's inbox folder ({@code <inbox>/picks/}): each {@code *.csv}
 * (not a {@code *.rejects.csv}, not a hidden file, not a symbolic link) in name order, one job
 * execution per file. A file imported whole (or imported before: its job instance is COMPLETED) moves
 * to {@code processed/}; a file with rejected rows moves with its rejects file to {@code rejected/}; a
 * file whose import failed for another reason stays, to be tried again. The move comes after the
 * import's commit, so a process that dies in between leaves the file in the inbox, and the next run
 * finds it already imported and moves it.
 */
@Service
public class InboxImports {

    private static final Logger log = LoggerFactory.getLogger(InboxImports.class);

    private final Imports imports;
    private final FileRoots roots;

    public InboxImports(Imports imports, FileRoots roots) {
        this.imports = imports;
        this.roots = roots;
    }

    /**
     * Imports the waiting files; one report per file, in the order they were imported. Another process
     * may work through the same inbox at once (a schedule and an operator): a file it has imported and
     * moved away since this one listed the folder is passed over, and so is a move it made first.
     */
    public List<ImportReport> importWaiting(String kind) throws Exception {
        Path folder = roots.inboxFolder(kind);
        List<ImportReport> reports = new ArrayList<>();
        for (Path file : waiting(folder)) {
            ImportReport report;
            try {
                report = imports.importFile(kind, file, false);
            } catch (Exception e) {
                if (Files.notExists(file)) {
                    continue;
                }
                throw e;
            }
            try {
                if (report.ok() || report.alreadyBy() != null) {
                    moveInto(folder.resolve("processed"), file);
                } else if (report.rejectedRows()) {
                    Path rejected = folder.resolve("rejected");
                    moveInto(rejected, file);
                    Path rejects = RejectFile.pathFor(file);
                    if (Files.exists(rejects)) {
                        // the report names the rejects file where the operator will find it
                        report = report.withRejectsFile(moveInto(rejected, rejects));
                    }
                }
            } catch (NoSuchFileException e) {
                if (Files.exists(file)) {
                    throw e;
                }
                // the other process moved it (or its rejects file) after the same import
            }
            reports.add(report);
        }
        return reports;
    }

    /**
     * The files to import, in name order. A symbolic link is passed over, with a warning: it could lead
     * the import (and its rejects file, which repeats the rows it rejects) to a file outside the inbox.
     */
    static List<Path> waiting(Path folder) throws IOException {
        List<Path> waiting = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.startsWith(".") || !lower.endsWith(".csv") || lower.endsWith(".rejects.csv")) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    log.warn("{} not imported: a symbolic link; the inbox takes files, not links to files elsewhere",
                            file);
                } else if (Files.isRegularFile(file)) {
                    waiting.add(file);
                }
            }
        }
        return waiting;
    }

    /**
     * Moves a file into a folder; a name already there gets a numbered suffix rather than being replaced.
     * Returns where the file is now.
     */
    private static Path moveInto(Path folder, Path file) throws IOException {
        Files.createDirectories(folder);
        String name = file.getFileName().toString();
        Path target = folder.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            int dot = name.lastIndexOf('.');
            target = folder.resolve(dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot));
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
        return target;
    }
}
