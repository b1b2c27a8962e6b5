package io.fulfil.imports;

import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Where the grouped copies of import files ({@link GroupedRows}) live: {@code <data dir>/work/<job>-
 * <job instance>.csv}, one per job instance. A copy is deleted when its {@code apply} has read it to
 * the end; one a failed run left is kept for the restart, and deleted by {@code purge-history} with
 * the job instance once that can never run again.
 */
@Component
public class GroupedCopies {

    private static final Pattern COPY = Pattern.compile("import-[A-Za-z0-9-]+-([0-9]+)\\.csv(\\.partial|\\.run[0-9]+|\\.part[0-9]+)?");

    private final FileRoots roots;

    GroupedCopies(FileRoots roots) {
        this.roots = roots;
    }

    /** The copy of one job instance of an import job. */
    Path of(String jobName, long jobInstanceId) {
        return roots.workFile(jobName + "-" + jobInstanceId + ".csv");
    }

    /** Deletes the copies of these job instances, of whichever import job; returns how many files there were. */
    public int deleteOf(Collection<Long> jobInstanceIds) {
        Path work = roots.work();
        Set<String> instances = jobInstanceIds.stream().map(String::valueOf).collect(Collectors.toSet());
        List<Path> copies;
        try (Stream<Path> files = Files.list(work)) {
            copies = files.filter(f -> {
                // <job>-<instance>.csv, and what an unfinished copy left: .csv.partial, .csv.run<n>, .csv.part<n>
                Matcher name = COPY.matcher(f.getFileName().toString());
                return name.matches() && instances.contains(name.group(1));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + work + ": " + e.getMessage(), e);
        }
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + copy + ": " + e.getMessage(), e);
            }
        }
        return copies.size();
    }
}
