package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.common.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Idempotency records, written in the transaction of the request they belong to (IdempotencyFilter). */
@Component
class IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    IdempotencyStore(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Record(String requestHash, String status, Integer responseStatus, String responseType,
                  String responseBody) {
    }

    void begin(String user, String key, String method, String path, String hash) {
        jdbc.update("INSERT INTO idempotency_record (username, idem_key, request_method, request_path, request_hash, "
                + "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", user, key, method, path, hash, IN_PROGRESS,
                clock.nowUtc());
    }

    Record find(String user, String key) {
        List<Record> rows = jdbc.query("SELECT request_hash, status, response_status, response_type, response_body "
                        + "FROM idempotency_record WHERE username = ? AND idem_key = ?",
                (rs, i) -> new Record(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                        rs.getString(5)), user, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void complete(String user, String key, int status, String type, String body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, response_status = ?, response_type = ?, "
                + "response_body = ?, completed_at = ? WHERE username = ? AND idem_key = ?", COMPLETED, status, type,
                body, clock.nowUtc(), user, key);
    }

    /** Removes a key left IN_PROGRESS by the old, separate-transaction design; its request posted nothing. */
    void forgetUnfinished(String user, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE username = ? AND idem_key = ? AND status = ?", user, key,
                IN_PROGRESS);
    }
}
