package cn.baojiaolou.perf;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The performance tools write rows straight into the tables, undo closes and delete batch history: on a bureau's
 * database that would destroy public records. So they run only on a database that holds nothing but what they
 * generated themselves: every project code starts with "GEN-" (and an empty database is fine).
 */
@Component
public class GeneratedDataOnly {

    public static final String PREFIX = "GEN-";

    private final JdbcTemplate jdbc;

    public GeneratedDataOnly(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** null when the database holds generated data only, otherwise the refusal to print. */
    public String refusal() {
        Long others = jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE code NOT LIKE 'GEN-%'", Long.class);
        if (others == null || others == 0) {
            return null;
        }
        String example = jdbc.queryForObject("SELECT MIN(code) FROM project WHERE code NOT LIKE 'GEN-%'",
                String.class);
        return ("拒绝运行：数据库中有 %,d 个不是由性能工具生成的项目（例如 %s）。性能工具会直接写表、撤销结账、删除批处理记录，"
                + "只能用于只含生成数据（项目编号以 GEN- 开头）的专用数据库。请换一个空库（例如 --loan.embedded-db.dir=var/perf）。")
                .formatted(others, example);
    }
}
