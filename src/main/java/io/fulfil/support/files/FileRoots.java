package io.fulfil.support.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the processor reads and writes files (CONTRACT §6): the outbox (pick lists, reports) and the
 * inbox (files the warehouse and the carriers drop, one folder per kind, with {@code processed/} and
 * {@code rejected/}). Both default to folders of the data directory.
 *
 * <p>Every path the processor builds from data (a warehouse code, a wave number) goes through
 * {@link #outboxFile} or {@link #inboxFolder}: only codes of letters, digits, {@code -} and {@code _}
 * are accepted, and the result must lie inside its root, so no code can lead a file elsewhere.
 *
 * @param dataDir   {@code fulfil.data-dir}: the embedded database's folder
 * @param outboxDir {@code fulfil.outbox-dir}; blank means {@code <data dir>/outbox}
 * @param inboxDir  {@code fulfil.inbox-dir}; blank means {@code <data dir>/inbox}
 */
@ConfigurationProperties("fulfil")
public record FileRoots(String dataDir, String outboxDir, String inboxDir) {

    /** A code that may name a file or folder: a warehouse code, a wave number. */
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,79}");

    public FileRoots {
        dataDir = dataDir == null || dataDir.isBlank() ? "data" : dataDir;
    }

    public Path outbox() {
        return root(outboxDir, "outbox");
    }

    public Path inbox() {
        return root(inboxDir, "inbox");
    }

    /**
     * A file under the outbox, e.g. {@code outboxFile("pick-lists", "WH-SH", "W000001.csv")}. Each part
     * but the last is a folder (created when missing); the last is {@code <code>.<extension>}.
     */
    public Path outboxFile(String... parts) {
        Path root = outbox();
        Path path = inside(root, parts);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the outbox folder " + path.getParent(), e);
        }
        return path;
    }

    /** A folder of the inbox for one kind of file, e.g. {@code picks}, created when missing. */
    public Path inboxFolder(String kind) {
        Path folder = inside(inbox(), kind);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the inbox folder " + folder, e);
        }
        return folder;
    }

    /** The folder of running jobs' scratch files, {@code <data dir>/work}, created when missing. */
    public Path work() {
        Path root = Path.of(dataDir).resolve("work").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work folder " + root, e);
        }
        return root;
    }

    /**
     * A scratch file of a running job under {@link #work()}, e.g. the grouped copy of an import file;
     * the name is a code and an extension like the outbox's files.
     */
    public Path workFile(String name) {
        return inside(work(), name);
    }

    /** Refuses a code that could not safely name a file: the message names the code and why. */
    public static String safeCode(String what, String code) {
        if (code == null || !SAFE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(what + " '" + code + "' cannot name a file: only letters, digits,"
                    + " '-' and '_' are allowed");
        }
        return code;
    }

    private static Path inside(Path root, String... parts) {
        Path path = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String code = i == parts.length - 1 && part.contains(".") ? part.substring(0, part.lastIndexOf('.'))
                    : part;
            safeCode("file name part", code);
            path = path.resolve(part);
        }
        Path normal = path.normalize();
        if (!normal.startsWith(root.normalize())) {
            throw new IllegalArgumentException(normal + " lies outside " + root);
        }
        return normal;
    }

    private Path root(String configured, String name) {
        Path root = configured == null || configured.isBlank() ? Path.of(dataDir).resolve(name) : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }
}
