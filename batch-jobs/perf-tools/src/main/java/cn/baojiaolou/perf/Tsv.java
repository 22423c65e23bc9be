package cn.baojiaolou.perf;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.mysql.cj.jdbc.JdbcStatement;

/** Rows of one table as tab-separated text, loaded with LOAD DATA LOCAL INFILE from memory. */
final class Tsv {
    private final String table;
    private final String columns;
    private final String set;
    private final StringBuilder sb = new StringBuilder(1 << 20);
    private int rows;

    Tsv(String table, String columns, String set) {
        this.table = table;
        this.columns = columns;
        this.set = set;
    }

    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("\\N");
            } else if (v instanceof BigDecimal b) {
                sb.append(b.toPlainString());
            } else {
                sb.append(v); // no tab, newline or backslash in generated text
            }
        }
        sb.append('\n');
        rows++;
    }

    void load(Connection c) throws SQLException {
        if (rows == 0) {
            return;
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        try (Statement st = c.createStatement()) {
            st.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(bytes));
            st.execute("LOAD DATA LOCAL INFILE '" + table + ".tsv' INTO TABLE " + table
                    + " CHARACTER SET utf8mb4 (" + columns + ")" + (set.isEmpty() ? "" : " SET " + set));
        }
        sb.setLength(0);
        rows = 0;
    }
}
