package io.fulfil.picking.wave;

import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import io.fulfil.support.csv.CsvOutput;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pick-list files (CONTRACT §4, §7.2): {@code <outbox>/pick-lists/<warehouse_code>/<wave_no>.csv},
 * written from the wave's stored {@code pick_line} rows, so a wave's file is the same bytes every
 * time it is written while the wave is unchanged. Each file is written aside and renamed into place
 * ({@link CsvOutput}), so it appears whole or not at all. Lines of fulfilment orders cancelled since
 * the wave was made are left out (CONTRACT §9).
 */
@Service
public class PickLists {

    public static final String[] HEADER = {"wave_no", "warehouse_code", "pick_seq", "location_code", "sku_code",
            "sku_name", "quantity", "fulfilment_no", "slot", "picked_qty", "picker", "picked_at"};

    static final String FOLDER = "pick-lists";

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final FileRoots fileRoots;
    private final TransactionTemplate transactions;

    public PickLists(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, FileRoots fileRoots,
                     PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.fileRoots = fileRoots;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Writes the pick lists of those of these waves that are still PLANNED and marks them RELEASED,
     * in the caller's transaction; returns the waves released. The waves are locked first, so two
     * runs never write one file at once: the second finds the wave RELEASED and skips it.
     */
    public List<String> release(List<? extends String> waveNos, LocalDateTime now) {
        if (waveNos.isEmpty()) {
            return List.of();
        }
        Map<String, String> planned = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT wave_no, warehouse_code FROM wave
                         WHERE %s AND status = 'PLANNED'
                         ORDER BY wave_no FOR UPDATE""".formatted(keyLists.matches("wave_no", "waves")),
                Map.of("waves", keyLists.bind(List.copyOf(waveNos))), rs -> {
                    planned.put(rs.getString(1), rs.getString(2));
                });
        if (planned.isEmpty()) {
            return List.of();
        }
        write(planned);
        List<String> released = new ArrayList<>(planned.keySet());
        jdbc.update("""
                        UPDATE wave SET status = 'RELEASED', released_at = :now
                         WHERE %s AND status = 'PLANNED'""".formatted(keyLists.matches("wave_no", "waves")),
                Map.of("now", SqlTimestamps.text(now), "waves", keyLists.bind(released)));
        return released;
    }

    /**
     * Writes one wave's pick list again, whatever its status (the {@code pick-list} command). Throws
     * {@link IllegalArgumentException} for a wave that does not exist.
     */
    public Path rewrite(String waveNo) {
        FileRoots.safeCode("wave number", waveNo);
        return transactions.execute(status -> {
            List<String> warehouse = jdbc.queryForList(
                    "SELECT warehouse_code FROM wave WHERE wave_no = :wave FOR UPDATE", Map.of("wave", waveNo),
                    String.class);
            if (warehouse.isEmpty()) {
                throw new IllegalArgumentException("no wave " + waveNo + " (wave numbers look like W000001)");
            }
            return write(Map.of(waveNo, warehouse.get(0))).get(0);
        });
    }

    /** The file of this wave. */
    public Path file(String warehouseCode, String waveNo) {
        return fileRoots.outboxFile(FOLDER, warehouseCode, waveNo + ".csv");
    }

    /**
     * Deletes hidden {@code .*.part} files under the pick-list folder: what a killed run left of a
     * file it was writing. Returns how many. Another run may be writing pick lists meanwhile, so an
     * entry that vanishes during the walk (renamed into place, or deleted) is passed over rather than
     * failing the step: {@link Files#walk} would throw on it.
     */
    public int deleteStaleParts() {
        Path root = fileRoots.outbox().resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] deleted = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    if (attributes.isRegularFile() && name.startsWith(".") && name.endsWith(".part")
                            && Files.deleteIfExists(file)) {
                        deleted[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear partial files under " + root + ": " + e.getMessage(), e);
        }
        return deleted[0];
    }

    /** Writes the files of these waves (wave number → warehouse) from one query; returns their paths. */
    private List<Path> write(Map<String, String> waves) {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        waves.keySet().forEach(w -> rows.put(w, new ArrayList<>()));
        jdbc.query("""
                        SELECT p.wave_no, p.pick_seq, p.location_code, p.sku_code, p.sku_name, p.quantity,
                               p.fulfilment_no, p.slot
                          FROM pick_line p JOIN fulfilment_order fo ON fo.fulfilment_no = p.fulfilment_no
                         WHERE %s AND fo.status <> 'CANCELLED'
                         ORDER BY p.wave_no, p.pick_seq""".formatted(keyLists.matches("p.wave_no", "waves")),
                Map.of("waves", keyLists.bind(waves.keySet())), rs -> {
                    String waveNo = rs.getString(1);
                    rows.get(waveNo).add(new String[] {waveNo, waves.get(waveNo), Integer.toString(rs.getInt(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), Integer.toString(rs.getInt(6)),
                            rs.getString(7), Integer.toString(rs.getInt(8)), "", "", ""});
                });
        List<Path> written = new ArrayList<>();
        rows.forEach((waveNo, lines) -> written.add(writeFile(file(waves.get(waveNo), waveNo), lines)));
        return written;
    }

    private static Path writeFile(Path target, List<String[]> lines) {
        try {
            try {
                return writeOnce(target, lines);
            } catch (NoSuchFileException e) {
                // another run starting its pick-list step cleared partial files, ours among them: once more
                return writeOnce(target, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pick list " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path writeOnce(Path target, List<String[]> lines) throws IOException {
        try (CsvOutput out = CsvOutput.create(target, HEADER)) {
            lines.forEach(out::row);
            out.commit();
        }
        return target;
    }
}
