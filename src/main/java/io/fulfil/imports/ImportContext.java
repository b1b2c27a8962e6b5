package io.fulfil.imports;

/** Names of the job parameters and execution-context entries every import job shares. */
public final class ImportContext {

    /** Job parameter: the file's absolute path (non-identifying: the same content may lie elsewhere). */
    public static final String FILE = "file";
    /** Job parameter: the file's SHA-256 (identifying: the same content is the same job instance). */
    public static final String SHA256 = "file.sha256";
    /** Job parameter: {@code true} to apply the good rows of a file that has bad ones (identifying). */
    public static final String PARTIAL = "partial";

    /** Job execution context, written by validate: the file's fingerprint and what validation found. */
    static final String VALIDATED_SHA256 = "import.sha256";
    static final String VALIDATED_SIZE = "import.size";
    public static final String ROWS = "import.rows";
    public static final String REJECTED = "import.rejected";
    /** Step execution context of apply: rows rejected only under lock (partial imports). */
    public static final String REJECTED_LATE = "import.rejected.late";
    /** Job execution context, written by validate: the good rows in group order (kinds that group rows). */
    static final String GROUPED_COPY = "import.grouped";
    /** Job execution context, written by validate: a digest of which rows it rejected (kinds that group rows). */
    static final String GROUPED_VERDICTS = "import.grouped.verdicts";
    /** Step execution context of apply: the verdicts digest of the copy its last group and line refer to. */
    static final String LAST_VERDICTS = "import.last.verdicts";
    /** Step execution context of apply, reading a grouped copy: the group and line of the last row read. */
    static final String LAST_GROUP = "import.last.group";
    static final String LAST_LINE = "import.last.line";
    /** Step execution context of apply: rows of the file read so far, rejected ones included. */
    static final String POSITION = "import.position";

    /**
     * Job execution context, written by validate: the partitions its copy of the good rows was cut into
     * (kinds applied in partitions). Step execution context of a partition of apply: its number and
     * how many there are.
     */
    static final String PARTITIONS = "import.partitions";
    static final String PARTITION = "import.partition";

    /** The exit code of a validate step that rejects the file as a whole. */
    public static final String REJECTED_EXIT = "REJECTED";

    private ImportContext() {
    }
}
