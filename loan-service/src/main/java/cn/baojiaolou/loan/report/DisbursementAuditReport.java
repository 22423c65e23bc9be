package cn.baojiaolou.loan.report;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.uppercase;
import static cn.baojiaolou.reports.ReportColumn.wanYuan;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.reports.ReportDocument;
import cn.baojiaolou.reports.ReportHeader;
import cn.baojiaolou.reports.ReportKind;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;
import cn.baojiaolou.reports.WanYuan;

/**
 * 资金拨付审计报告: every disbursement of the period (Beijing dates, inclusive) — paid ones by payment date, the
 * others by the date they were requested — by district, with its
 * approval trail (requested by and when, decided by and when, the note), its payment and the verification of the
 * milestone it was paid against. Times are Beijing time.
 */
@Service
class DisbursementAuditReport implements ReportAssembler {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportMapper reports;

    DisbursementAuditReport(ReportMapper reports) {
        this.reports = reports;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.DISBURSEMENT_AUDIT;
    }

    @Override
    @PreAuthorize(Authorities.REPORT_READERS)
    public ReportDocument assemble(ReportContext c) {
        ReportMessages messages = new ReportMessages(c.locale());
        LocalDateTime fromUtc = BusinessClock.endOfDayUtc(c.from().minusDays(1));
        LocalDateTime toUtc = BusinessClock.endOfDayUtc(c.to());
        Map<String, List<List<Object>>> byDistrict = new LinkedHashMap<>();
        Map<String, BigDecimal> paidByDistrict = new LinkedHashMap<>();
        int requests = 0;
        int paidCount = 0;
        int reversedCount = 0;
        BigDecimal paid = new BigDecimal("0.00");
        BigDecimal reversed = new BigDecimal("0.00");
        for (ReportMapper.AuditRow r : reports.disbursementAudit(c.from(), c.to(), fromUtc, toUtc,
                c.districtId())) {
            requests++;
            if ("PAID".equals(r.status())) {
                paidCount++;
                paid = paid.add(r.amount());
                paidByDistrict.merge(r.districtName(), r.amount(), BigDecimal::add);
            } else if ("REVERSED".equals(r.status())) {
                reversedCount++;
                reversed = reversed.add(r.amount());
            }
            String decided = r.decidedBy() == null ? null : r.decidedBy() + " " + beijing(r.decidedAt())
                    + (r.decisionNote() == null ? "" : "（" + r.decisionNote() + "）");
            String payment = r.paidOn() == null ? null : r.paidOn() + " " + r.voucherNo()
                    + (r.reversedOn() == null ? "" : " / " + r.reversedOn());
            String evidence = r.verifiedOn() == null ? null
                    : r.verifiedOn() + " " + r.inspector() + " " + r.evidenceRef();
            byDistrict.computeIfAbsent(r.districtName(), k -> new ArrayList<>()).add(Arrays.asList(
                    "#" + r.id() + " " + r.projectCode() + " " + r.projectName(), r.payee(), r.purpose(), r.amount(),
                    r.amount(),
                    messages.get("dstatus." + r.status()), r.requestedBy() + " " + beijing(r.requestedAt()), decided,
                    payment, r.milestone(), evidence));
        }
        List<ReportSection> sections = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> d : byDistrict.entrySet()) {
            sections.add(new ReportSection("district", ReportText.of("section.district", d.getKey()),
                    List.of(text("col.disbursement", 6), text("col.payee", 5), text("col.purpose", 3),
                            wanYuan("col.amount", 3), uppercase("col.amountUpper", 6), text("col.dstatus", 2),
                            text("col.requested", 4), text("col.decided", 4), text("col.payment", 4),
                            text("col.milestone", 3), text("col.evidence2", 5)),
                    d.getValue(), districtTotals(paidByDistrict.getOrDefault(d.getKey(), new BigDecimal("0.00")),
                    messages.get("label.paidTotal"))));
        }
        if (sections.isEmpty()) {
            sections.add(new ReportSection("district", ReportText.of("section.district",
                    messages.resolve(c.scope())), List.of(text("col.disbursement"), text("col.payee"),
                    text("col.purpose"), wanYuan("col.amount"), text("col.dstatus")), List.of(), null));
        }
        ReportHeader header = new ReportHeader(kind(), c.issuingUnit(), c.businessDate(), c.dataAsOf(),
                c.reportNumber(), ReportText.of("subject.period", c.from().toString(), c.to().toString(),
                messages.resolve(c.scope())),
                List.of(ReportText.of("summary.disbursements", requests, paidCount, WanYuan.formatYuan(paid),
                        reversedCount, WanYuan.formatYuan(reversed))));
        return new ReportDocument(header, sections);
    }

    private static List<Object> districtTotals(BigDecimal paid, String label) {
        List<Object> row = Rows.totals(11, 3, paid, label);
        row.set(4, paid);
        return row;
    }

    private static String beijing(LocalDateTime utc) {
        return utc == null ? "" : BusinessClock.beijing(utc).format(MINUTES);
    }
}
