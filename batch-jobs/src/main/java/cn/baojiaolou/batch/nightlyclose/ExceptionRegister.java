package cn.baojiaolou.batch.nightlyclose;

import cn.baojiaolou.batch.nightlyclose.ExceptionRegisterMapper.ExceptionRow;
import cn.baojiaolou.batch.nightlyclose.rules.Finding;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the findings of business date D into exceptions (异常): a condition already open is carried forward
 * (last_seen = D, severity and amount refreshed), a new one is opened, and an open one whose condition no longer
 * holds is closed with the date. One transaction, keyed by rule|subject, so a rerun for D changes nothing.
 */
@Component
public class ExceptionRegister {

    /** Rows per multi-row statement. */
    static final int CHUNK = 500;

    private final ExceptionRegisterMapper mapper;
    private final ObjectMapper json;

    public ExceptionRegister(ExceptionRegisterMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    public record Counts(int opened, int carried, int closed, int open) {
    }

    @Transactional
    public Counts record(LocalDate d, Set<String> evaluatedRules, List<Finding> findings) {
        Map<String, Long> active = new HashMap<>();
        for (ExceptionRegisterMapper.ActiveException e : mapper.lockActive()) {
            if (evaluatedRules.contains(e.ruleCode())) {
                active.put(e.activeKey(), e.id());
            }
        }
        List<ExceptionRow> opened = new ArrayList<>();
        List<ExceptionRow> carried = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            String key = f.ruleCode() + "|" + f.subjectKey();
            if (!seen.add(key)) {
                continue; // one exception per condition, even if a rule reported it twice
            }
            ExceptionRow row = new ExceptionRow(active.get(key), f.ruleCode(), f.severity().name(), f.subjectKey(),
                    key, f.projectId(), f.districtId(), f.facilityId(), f.amount(), truncate(f.detail()), refs(f));
            (row.id() == null ? opened : carried).add(row);
        }
        List<Long> closed = new ArrayList<>();
        for (Map.Entry<String, Long> e : active.entrySet()) {
            if (!seen.contains(e.getKey())) {
                closed.add(e.getValue());
            }
        }
        chunks(opened, rows -> mapper.open(rows, d));
        chunks(carried, rows -> mapper.carry(rows, d));
        chunks(closed, ids -> mapper.close(ids, d));
        return new Counts(opened.size(), carried.size(), closed.size(), mapper.countOpen());
    }

    private static <T> void chunks(List<T> all, Consumer<List<T>> write) {
        for (int from = 0; from < all.size(); from += CHUNK) {
            write.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    private String refs(Finding f) {
        return json.writeValueAsString(f.refs());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
