package cn.baojiaolou.loan.common;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * A stored UTC DATETIME(6) read as Beijing time with its offset (2026-12-01T10:00+08:00), for what the API shows people;
 * written back as UTC.
 */
public class BeijingTimeTypeHandler extends BaseTypeHandler<OffsetDateTime> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, OffsetDateTime value, JdbcType jdbcType)
            throws SQLException {
        ps.setObject(i, value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    @Override
    public OffsetDateTime getNullableResult(ResultSet rs, String column) throws SQLException {
        return beijing(rs.getObject(column, LocalDateTime.class));
    }

    @Override
    public OffsetDateTime getNullableResult(ResultSet rs, int index) throws SQLException {
        return beijing(rs.getObject(index, LocalDateTime.class));
    }

    @Override
    public OffsetDateTime getNullableResult(CallableStatement cs, int index) throws SQLException {
        return beijing(cs.getObject(index, LocalDateTime.class));
    }

    private static OffsetDateTime beijing(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BusinessClock.SHANGHAI)
                .toOffsetDateTime();
    }
}
