package io.fulfil.support.csv;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of one CSV file, one {@link CsvRow} at a time, so a file of any size is read in
 * constant memory.
 *
 * <p>The file must be UTF-8 (a leading BOM is skipped); bytes that are not UTF-8 stop the reading with
 * an error instead of being turned into replacement characters, because a file saved as GBK would
 * otherwise load Chinese names as garbage. Columns are found by header name (trimmed, case-sensitive);
 * columns nobody asks for are ignored. Quoting follows RFC 4180: a backslash is an ordinary character.
 *
 * <p>Problems with the file itself (missing or repeated column, bad encoding, an unterminated quote)
 * are collected in {@link #problems()}; after one, {@link #next()} returns no more rows.
 */
public final class CsvInput implements Closeable {

    /**
     * A quoted cell may span lines, but an unterminated quote would otherwise swallow the whole rest
     * of the file into one cell; no real cell is this long.
     */
    private static final int MULTILINE_LIMIT = 200;
    private static final char BOM = '\uFEFF';

    private final String fileName;
    private String renamed;
    private final CSVReader reader;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<RowError> problems = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    /** The column holding each row's line number in the file it was copied from; -1: count lines here. */
    private int lineColumn = -1;
    private boolean finished;

    private CsvInput(Path file, Reader text) {
        this.fileName = file.getFileName().toString();
        this.reader = new CSVReaderBuilder(text)
                .withCSVParser(new RFC4180ParserBuilder().build())
                .withMultilineLimit(MULTILINE_LIMIT)
                .build();
    }

    /**
     * Opens a file and reads its header. A missing required column is a problem naming the column
     * (line 1); the caller should then not expect rows.
     */
    public static CsvInput open(Path file, Collection<String> requiredColumns) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var text = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        CsvInput input = new CsvInput(file, text);
        try {
            if (input.skipBom(text)) {
                input.readHeader(requiredColumns);
            }
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
        return input;
    }

    /** False when even the first characters cannot be decoded. */
    private boolean skipBom(BufferedReader text) {
        try {
            text.mark(1);
            if (text.read() != BOM) {
                text.reset();
            }
            return true;
        } catch (IOException e) {
            problems.add(new RowError(fileName, 1, null, unreadable(e)));
            finished = true;
            return false;
        }
    }

    /**
     * Opens a copy of another file's rows that carries each row's line number in that file in column
     * {@code lineColumn} (see {@code imports.GroupedRows}): its rows name {@code originalName} and
     * their original line, so an error found in the copy points at the file people have.
     */
    public static CsvInput openCopy(Path copy, String originalName, Collection<String> requiredColumns,
                                    String lineColumn) throws IOException {
        List<String> required = new ArrayList<>(requiredColumns);
        required.add(lineColumn);
        CsvInput input = open(copy, required);
        input.lineColumn = input.columns.getOrDefault(lineColumn, -1);
        input.renamed = originalName;
        return input;
    }

    /**
     * Adds a problem with the file as a whole that its reader found (e.g. a column name it reserves);
     * no more rows are returned after it.
     */
    public void addProblem(RowError problem) {
        problems.add(problem);
        finished = true;
    }

    /** The header's column names as read (trimmed), in file order. */
    public List<String> header() {
        return List.copyOf(header);
    }

    public String fileName() {
        return fileName;
    }

    /** Problems with the file as a whole; empty when every row could be read. */
    public List<RowError> problems() {
        return List.copyOf(problems);
    }

    /** The next row that is not blank, or null at the end of the file or after a problem. */
    public CsvRow next() {
        while (!finished) {
            long line = reader.getLinesRead() + 1;
            String[] cells = readRecord(line);
            if (cells == null) {
                finished = true;
            } else if (!isBlank(cells)) {
                if (lineColumn >= 0) {
                    return new CsvRow(renamed, Long.parseLong(cells[lineColumn]), columns, cells);
                }
                return new CsvRow(fileName, line, columns, cells);
            }
        }
        return null;
    }

    private void readHeader(Collection<String> requiredColumns) {
        String[] header = readRecord(1);
        if (header == null) {
            finished = true;
            if (problems.isEmpty()) {
                problems.add(new RowError(fileName, 1, null, "the file is empty; expected a header row"));
            }
            return;
        }
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].trim();
            this.header.add(name);
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                problems.add(new RowError(fileName, 1, name, "the column appears more than once in the header"));
            }
        }
        for (String required : requiredColumns) {
            if (!columns.containsKey(required)) {
                problems.add(new RowError(fileName, 1, required, "required column is missing from the header"));
            }
        }
        finished = !problems.isEmpty();
    }

    private String[] readRecord(long line) {
        try {
            return reader.readNext();
        } catch (IOException | CsvValidationException e) {
            problems.add(new RowError(fileName, line, null, unreadable(e)));
            return null;
        }
    }

    private static String unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return "not UTF-8 text; save the file as \"CSV UTF-8\"";
            }
        }
        return "cannot be read as CSV (" + e.getMessage() + "); is a quote left open?";
    }

    private static boolean isBlank(String[] cells) {
        return Arrays.stream(cells).allMatch(cell -> cell == null || cell.isBlank());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
