package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import static cn.baojiaolou.reports.ReportColumn.date;
import static cn.baojiaolou.reports.ReportColumn.integer;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.wanYuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.reconciliation.Refs;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;
import cn.baojiaolou.reports.WanYuan;

/**
 * 对账异常日报: the exceptions that held on the business date, SERIOUS first, then by district, each with the rows
 * behind it. The status shown is the one on that date (a later resolution or automatic close is not shown).
 */
@Service
class ExceptionDailyReport implements ReportAssembler {

    private final ReportMapper reports;
    private final ObjectMapper json;

    ExceptionDailyReport(ReportMapper reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.EXCEPTIONS;
    }

    @Override
    @PreAuthorize(Authorities.REPORT_READERS)
    public ReportDocument assemble(ReportContext c) {
        ReportMessages messages = new ReportMessages(c.locale());
        Map<String, List<ReportMapper.ExceptionRow>> bySeverity = new LinkedHashMap<>();
        bySeverity.put("SERIOUS", new ArrayList<>());
        bySeverity.put("WARNING", new ArrayList<>());
        for (ReportMapper.ExceptionRow e : reports.exceptions(c.businessDate(), c.districtId())) {
            bySeverity.get(e.severity()).add(e);
        }
        List<ReportSection> sections = new ArrayList<>();
        BigDecimal total = new BigDecimal("0.00");
        for (Map.Entry<String, List<ReportMapper.ExceptionRow>> s : bySeverity.entrySet()) {
            BigDecimal amount = new BigDecimal("0.00");
            List<List<Object>> rows = new ArrayList<>();
            for (ReportMapper.ExceptionRow e : s.getValue()) {
                if (e.amount() != null) {
                    amount = amount.add(e.amount());
                }
                rows.add(Arrays.asList(e.id(), messages.get("rule." + e.ruleCode()), e.districtName(),
                        e.projectCode() == null ? null : e.projectCode() + " " + e.projectName(), e.amount(),
                        e.firstSeen(), messages.get("exstatus." + statusOn(e, c.businessDate())), e.detail(),
                        refs(e.refs(), messages)));
            }
            total = total.add(amount);
            sections.add(new ReportSection(s.getKey(), ReportText.of("section.severity",
                    messages.get("severity." + s.getKey()), s.getValue().size()),
                    // 说明 gets a third of the page: it is what the reader reads
                    List.of(integer("col.exceptionId", 3), text("col.rule", 6), text("col.district", 4),
                            text("col.project", 8), wanYuan("col.amount", 5), date("col.firstSeen", 5),
                            text("col.status", 4), text("col.detail", 24), text("col.refs", 7)),
                    rows, s.getValue().isEmpty() ? null
                    : Rows.totals(9, 4, amount, messages.get("label.total"))));
        }
        int serious = bySeverity.get("SERIOUS").size();
        int warnings = bySeverity.get("WARNING").size();
        ReportHeader header = new ReportHeader(kind(), c.issuingUnit(), c.businessDate(), c.dataAsOf(),
                c.reportNumber(), ReportText.of("subject.scope", new ReportMessages(c.locale()).resolve(c.scope())),
                List.of(ReportText.of("summary.exceptions", serious + warnings, serious, warnings,
                        WanYuan.formatYuan(total))));
        return new ReportDocument(header, sections);
    }

    /** What the status was at the end of the business date. */
    static String statusOn(ReportMapper.ExceptionRow e, LocalDate day) {
        if (e.closedOn() != null && !e.closedOn().isAfter(day)) {
            return "CLOSED";
        }
        if (e.resolvedAt() != null && (e.status().equals("RESOLVED") || e.status().equals("WAIVED"))
                && !BusinessClock.beijing(e.resolvedAt()).toLocalDate().isAfter(day)) {
            return e.status();
        }
        return "OPEN";
    }

    /** The rows behind an exception as text: 拨付#12, #13；流水#5 */
    private String refs(String stored, ReportMessages messages) {
        Refs refs = Refs.parse(json, stored);
        List<String> parts = new ArrayList<>();
        part(parts, refs.disbursementIds(), "refs.disbursements", messages);
        part(parts, refs.bankLineIds(), "refs.bankLines", messages);
        part(parts, refs.milestoneIds(), "refs.milestones", messages);
        part(parts, refs.ledgerEntryIds(), "refs.ledgerEntries", messages);
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static void part(List<String> parts, List<Long> ids, String key, ReportMessages messages) {
        if (!ids.isEmpty()) {
            parts.add(messages.get(key, String.join(", #", ids.stream().map(String::valueOf).toList())));
        }
    }
}
