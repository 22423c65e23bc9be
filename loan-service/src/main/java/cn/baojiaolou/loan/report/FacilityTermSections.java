package cn.baojiaolou.loan.report;

import static cn.baojiaolou.reports.ReportColumn.date;
import static cn.baojiaolou.reports.ReportColumn.rate;
import static cn.baojiaolou.reports.ReportColumn.text;
import static cn.baojiaolou.reports.ReportColumn.wanYuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.domain.interest.InterestTerms;
import cn.baojiaolou.reports.RatePercent;
import cn.baojiaolou.reports.ReportMessages;
import cn.baojiaolou.reports.ReportSection;
import cn.baojiaolou.reports.ReportText;

/**
 * The facilities a report speaks of, with the rate and maturity in force on its business date (not the contract's),
 * and the approved term changes (展期, 利率调整) behind them: two sections any report with facilities carries. Two
 * queries per report, whatever the number of facilities. A {@code @Service} because the batch runner's LoanCore scans
 * only those, and its month-end print assembles the 月度台账 too.
 */
@Service
class FacilityTermSections {

    private final ReportMapper reports;

    FacilityTermSections(ReportMapper reports) {
        this.reports = reports;
    }

    /** A facility's terms on the report's date. */
    record InForce(Facility facility, BigDecimal annualRate, LocalDate maturityDate) {
    }

    /** An approved change with the term before and after it, as printed (3.10%, 2023-06-30). */
    record Change(TermChange change, String before, String after) {
    }

    /** What the two sections show, for the reports and their tests. */
    record AsOf(List<InForce> facilities, List<Change> changes) {

        InForce of(String facilityCode) {
            return facilities.stream().filter(f -> f.facility().code().equals(facilityCode)).findFirst()
                    .orElseThrow();
        }
    }

    /** The facilities of one project ({@code projectId}), of a district's projects, or of the city's (both null). */
    AsOf read(LocalDate asOf, Long districtId, Long projectId) {
        List<Facility> facilities = reports.facilities(asOf, districtId, projectId);
        Map<Long, List<TermChange>> byFacility = reports.termChanges(asOf, districtId, projectId).stream()
                .collect(Collectors.groupingBy(TermChange::facilityId));
        List<InForce> inForce = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Facility f : facilities) {
            List<TermChange> mine = byFacility.getOrDefault(f.id(), List.of());
            // the same steps interest reads, so the report's rate is the one its interest was computed at
            InterestTerms terms = new InterestTerms(f.annualRate(), f.penaltyMarkup(), f.maturityDate(),
                    mine.stream().map(c -> new InterestTerms.Step(c.effectiveOn(), c.newAnnualRate(),
                            c.newMaturityDate())).toList());
            inForce.add(new InForce(f, terms.rateOn(asOf), terms.maturityOn(asOf)));
            BigDecimal rate = f.annualRate();
            LocalDate maturity = f.maturityDate();
            for (TermChange c : mine) { // in effective-date order: each change's 原 is what the one before left
                if (c.kind() == TermChange.Kind.RATE) {
                    changes.add(new Change(c, RatePercent.format(rate), RatePercent.format(c.newAnnualRate())));
                    rate = c.newAnnualRate();
                } else {
                    changes.add(new Change(c, maturity.toString(), c.newMaturityDate().toString()));
                    maturity = c.newMaturityDate();
                }
            }
        }
        return new AsOf(List.copyOf(inForce), List.copyOf(changes));
    }

    /** 借款合同及适用条件, then 贷款条件变更记录, under the titles the report numbers them by. */
    static List<ReportSection> sections(AsOf t, ReportMessages messages, ReportText termsTitle,
                                        ReportText changesTitle) {
        List<List<Object>> terms = t.facilities().stream().map(f -> Arrays.<Object>asList(f.facility().code(),
                f.facility().name(), f.facility().lender(), f.facility().amount(), f.facility().annualRate(),
                f.annualRate(), f.facility().maturityDate(), f.maturityDate())).toList();
        List<List<Object>> changes = t.changes().stream().map(ch -> {
            TermChange c = ch.change();
            return Arrays.<Object>asList(c.facilityCode(), messages.get("termKind." + c.kind().name()),
                    c.effectiveOn(), ch.before() + " → " + ch.after(), c.approvalRef(), name(c.requestedByName(),
                            c.requestedBy()), name(c.decidedByName(), c.decidedBy()),
                    c.decidedAt() == null ? null : BusinessClock.beijing(c.decidedAt()).toLocalDate());
        }).toList();
        return List.of(
                new ReportSection("facilityTerms", termsTitle,
                        List.of(text("col.facility", 4), text("col.facilityName", 5), text("col.lender", 4),
                                wanYuan("col.facilityAmount", 3), rate("col.contractRate", 2),
                                rate("col.rateInForce", 2), date("col.contractMaturity", 2),
                                date("col.maturityInForce", 2)),
                        terms, null),
                new ReportSection("termChanges", changesTitle,
                        List.of(text("col.facility", 4), text("col.termKind", 2), date("col.effectiveOn", 2),
                                text("col.termFromTo", 5), text("col.approvalRef", 5), text("col.maker", 2),
                                text("col.checker", 2), date("col.checkedOn", 2)),
                        changes, null));
    }

    /** The 姓名; the login only if the user was removed (as the 台账's 经办人). */
    private static String name(String displayName, String username) {
        return displayName != null ? displayName : username;
    }
}
