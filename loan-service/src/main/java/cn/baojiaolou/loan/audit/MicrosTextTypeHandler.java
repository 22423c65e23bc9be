package cn.baojiaolou.loan.audit;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads a DATETIME(6) selected as text ({@code DATE_FORMAT(col, '%Y-%m-%d %H:%i:%s.%f')}) with its microseconds:
 * MySQL Connector/J takes MariaDB 10.x for an old MySQL and drops them when it decodes the value itself, and the
 * audit hash covers them.
 */
public class MicrosTextTypeHandler extends BaseTypeHandler<LocalDateTime> {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, LocalDateTime value, JdbcType type)
            throws SQLException {
        ps.setString(i, value.format(TEXT));
    }

    @Override
    public LocalDateTime getNullableResult(ResultSet rs, String column) throws SQLException {
        return parse(rs.getString(column));
    }

    @Override
    public LocalDateTime getNullableResult(ResultSet rs, int index) throws SQLException {
        return parse(rs.getString(index));
    }

    @Override
    public LocalDateTime getNullableResult(CallableStatement cs, int index) throws SQLException {
        return parse(cs.getString(index));
    }

    private static LocalDateTime parse(String text) {
        return text == null ? null : LocalDateTime.parse(text, TEXT);
    }
}
