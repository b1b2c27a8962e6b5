package io.fulfil.load;

import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A file whose rows are written to their table by plain SQL: an INSERT for new keys, an UPDATE for
 * changed rows, each run as one JDBC batch. (Stock is not one: a count goes through the stock ledger.)
 */
abstract class SqlTableFile<R> extends TableFile<R> {

    protected SqlTableFile(String fileName, List<String> columns) {
        super(fileName, columns);
    }

    abstract String insertSql();

    abstract String updateSql();

    abstract SqlParameterSource parameters(R value);

    @Override
    final void write(NamedParameterJdbcTemplate jdbc, List<R> inserts, List<R> updates) {
        run(jdbc, insertSql(), inserts);
        run(jdbc, updateSql(), updates);
    }

    private void run(NamedParameterJdbcTemplate jdbc, String sql, List<R> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(this::parameters).toArray(SqlParameterSource[]::new));
        }
    }
}
