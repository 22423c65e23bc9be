package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the findings of business date D into exceptions (异常): a condition already open is carried forward
 * (last_seen = D, severity and amount refreshed), a new one is opened, and an open one whose condition no longer
 * holds is closed with the date. One transaction, keyed by rule|subject, so a rerun for D changes nothing.
 */
@Component
public class ExceptionRegister {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ExceptionRegister(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Counts(int opened, int carried, int closed, int open) {
    }

    @Transactional
    public Counts record(LocalDate d, Set<String> evaluatedRules, List<Finding> findings) {
        Map<String, Long> active = new HashMap<>();
        jdbc.query("SELECT id, active_key, rule_code FROM recon_exception WHERE active_key IS NOT NULL FOR UPDATE",
                (RowCallbackHandler) rs -> {
                    if (evaluatedRules.contains(rs.getString(3))) {
                        active.put(rs.getString(2), rs.getLong(1));
                    }
                });
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Date day = Date.valueOf(d);
        for (Finding f : findings) {
            String key = f.ruleCode() + "|" + f.subjectKey();
            if (!seen.add(key)) {
                continue; // one exception per condition, even if a rule reported it twice
            }
            Long id = active.get(key);
            if (id == null) {
                inserts.add(new Object[]{f.ruleCode(), f.severity().name(), f.subjectKey(), key, f.projectId(),
                        f.districtId(), f.facilityId(), f.amount(), day, day, truncate(f.detail()), refs(f)});
            } else {
                updates.add(new Object[]{day, f.severity().name(), f.amount(), truncate(f.detail()), refs(f), id});
            }
        }
        List<Object[]> closes = new ArrayList<>();
        for (Map.Entry<String, Long> e : active.entrySet()) {
            if (!seen.contains(e.getKey())) {
                closes.add(new Object[]{day, e.getValue()});
            }
        }
        jdbc.batchUpdate("INSERT INTO recon_exception (rule_code, severity, subject_key, active_key, project_id, "
                + "district_id, facility_id, amount, first_seen, last_seen, status, detail, refs) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", inserts);
        jdbc.batchUpdate("UPDATE recon_exception SET last_seen = GREATEST(last_seen, ?), severity = ?, amount = ?, "
                + "detail = ?, refs = ? WHERE id = ?", updates);
        jdbc.batchUpdate("UPDATE recon_exception SET closed_on = ?, active_key = NULL, "
                + "status = CASE WHEN status = 'OPEN' THEN 'CLOSED' ELSE status END WHERE id = ?", closes);
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM recon_exception WHERE active_key IS NOT NULL",
                Integer.class);
        return new Counts(inserts.size(), updates.size(), closes.size(), open == null ? 0 : open);
    }

    private String refs(Finding f) {
        try {
            return json.writeValueAsString(f.refs());
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
