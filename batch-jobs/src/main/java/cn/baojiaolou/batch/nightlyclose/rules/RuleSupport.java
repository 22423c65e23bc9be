package cn.baojiaolou.batch.nightlyclose.rules;

import cn.baojiaolou.loan.domain.Money;
import cn.baojiaolou.loan.domain.milestone.MilestoneReleaseCap;
import cn.baojiaolou.reports.WanYuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Small helpers shared by the rules: subject keys, amounts in details, the payments behind a breached cap. */
final class RuleSupport {

    static final int DETAIL_MAX = 500;

    private RuleSupport() {
    }

    static String projectKey(long projectId) {
        return "project:" + projectId;
    }

    /** 元 with thousands separators and two decimals, as the API's messages show them. */
    static String yuan(BigDecimal amount) {
        return WanYuan.formatYuan(amount);
    }

    static BigDecimal fen(BigDecimal amount) {
        return Money.fen(amount);
    }

    /** allocation × cumulative % / 100, half-up to the fen: the same rounding as the write-time check. */
    static BigDecimal unlocked(BigDecimal allocated, BigDecimal capPercent) {
        return MilestoneReleaseCap.unlocked(allocated, capPercent);
    }

    /** The incremental state's checkpoints, to read it as of D (see RuleMapper.Marks). */
    static RuleMapper.Marks marks(RuleMapper mapper, LocalDate businessDate) {
        return RuleMapper.Marks.of(mapper.marks(), businessDate);
    }

    static String detail(String text) {
        return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "…";
    }

    /** Groups rows by a key, keeping the order of both the keys and the rows. */
    static <K, T> Map<K, List<T>> group(List<T> rows, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        for (T row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    /** The distinct non-null values of a field, in order. */
    static <T> List<Long> ids(List<T> rows, Function<T, Long> field) {
        Set<Long> ids = new LinkedHashSet<>();
        for (T row : rows) {
            Long id = field.apply(row);
            if (id != null) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** The one value a field has in all rows, or null when the rows disagree. */
    static <T> Long single(List<T> rows, Function<T, Long> field) {
        Set<Long> values = new LinkedHashSet<>();
        rows.forEach(r -> values.add(field.apply(r)));
        return values.size() == 1 ? values.iterator().next() : null;
    }

    /**
     * The disbursements paid while Σ paid stood above {@code cap}: replaying the payments and reversals in value-date
     * order, every payment after which the running net paid is above the cap, unless it was reversed by D. When
     * none qualifies (reversals reshuffled the order), all payments not reversed.
     */
    static List<Long> paidWhileOver(List<RuleMapper.PaymentRow> rows, BigDecimal cap) {
        Set<Long> reversed = new LinkedHashSet<>();
        for (RuleMapper.PaymentRow r : rows) {
            if ("PAYMENT_REVERSAL".equals(r.entryType()) && r.disbursementId() != null) {
                reversed.add(r.disbursementId());
            }
        }
        BigDecimal running = BigDecimal.ZERO;
        Set<Long> over = new LinkedHashSet<>();
        Set<Long> all = new LinkedHashSet<>();
        for (RuleMapper.PaymentRow r : rows) {
            boolean payment = "PAYMENT".equals(r.entryType());
            running = payment ? running.add(r.amount()) : running.subtract(r.amount());
            if (!payment || r.disbursementId() == null || reversed.contains(r.disbursementId())) {
                continue;
            }
            all.add(r.disbursementId());
            if (running.compareTo(cap) > 0) {
                over.add(r.disbursementId());
            }
        }
        return List.copyOf(over.isEmpty() ? all : over);
    }

    static boolean same(String a, String b) {
        return Objects.equals(a == null ? null : a.replace(" ", ""), b == null ? null : b.replace(" ", ""));
    }
}
