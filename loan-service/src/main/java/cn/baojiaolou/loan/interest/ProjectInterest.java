package cn.baojiaolou.loan.interest;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.interest.AccumulatedBalanceInterest;
import cn.baojiaolou.loan.domain.interest.InterestStatement;
import cn.baojiaolou.loan.domain.interest.PositionEvent;
import cn.baojiaolou.loan.domain.interest.PositionInterest;

import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.facility.FacilityMapper;
import cn.baojiaolou.loan.facility.FacilityTerms;
import cn.baojiaolou.loan.domain.interest.InterestTerms;
import cn.baojiaolou.loan.ledger.LedgerMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A project's interest, per facility it draws on (a position) and in total. A project owes interest on its own
 * disbursed principal at its facility's rate, computed from the ledger as of any day.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ProjectInterest {

    private final FacilityMapper facilities;
    private final LedgerMapper ledger;
    private final FacilityTerms terms;

    public ProjectInterest(FacilityMapper facilities, LedgerMapper ledger, FacilityTerms terms) {
        this.terms = terms;
        this.facilities = facilities;
        this.ledger = ledger;
    }

    /**
     * A project's interest on one facility, with the facility's terms as of the day: the rate and maturity in force
     * then, the contract's own, and the approved changes (展期, rate changes) effective by then.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "InterestPosition")
    public record Position(String facilityCode, BigDecimal annualRate, LocalDate maturityDate,
                           BigDecimal contractAnnualRate, LocalDate contractMaturityDate, List<TermChange> termChanges,
                           InterestStatement statement) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ProjectInterestSummary")
    public record Summary(LocalDate asOf, BigDecimal principal, BigDecimal balanceDays, BigDecimal accrued,
                          BigDecimal settled, BigDecimal interestPaid, BigDecimal interestDue,
                          BigDecimal penaltyBalanceDays, BigDecimal penaltyAccrued, BigDecimal penaltySettled,
                          BigDecimal penaltyPaid, BigDecimal penaltyDue, BigDecimal overduePrincipal,
                          List<Position> positions) {
    }

    /** The facilities a project draws on, in the order they were first allocated. */
    public List<Facility> facilitiesOf(long projectId) {
        return facilities.allocatedTo(projectId);
    }

    /** The facility's terms over time: the contract's, then each approved 展期 or rate change. */
    public InterestTerms terms(Facility f) {
        return terms.of(f);
    }

    public List<PositionEvent> events(long projectId, long facilityId) {
        return ledger.positionRows(projectId, facilityId).stream().map(r -> PositionInterest.event(r.entryType(),
                r.valueDate(), r.amount(), r.principal(), r.interest(), r.penalty())).toList();
    }

    @Transactional(readOnly = true)
    public Summary asOf(long projectId, LocalDate asOf) {
        List<Position> positions = new ArrayList<>();
        for (Facility f : facilitiesOf(projectId)) {
            InterestTerms t = terms.of(f);
            InterestStatement s = AccumulatedBalanceInterest.statement(t, events(projectId, f.id()), asOf);
            positions.add(new Position(f.code(), t.rateOn(asOf), t.maturityOn(asOf), f.annualRate(),
                    f.maturityDate(), terms.inForceBy(f, asOf), s));
        }
        return new Summary(asOf, sum(positions, InterestStatement::principal),
                sum(positions, InterestStatement::balanceDays), sum(positions, InterestStatement::accrued),
                sum(positions, InterestStatement::settled), sum(positions, InterestStatement::interestPaid),
                sum(positions, InterestStatement::interestDue), sum(positions, InterestStatement::penaltyBalanceDays),
                sum(positions, InterestStatement::penaltyAccrued), sum(positions, InterestStatement::penaltySettled),
                sum(positions, InterestStatement::penaltyPaid), sum(positions, InterestStatement::penaltyDue),
                sum(positions, InterestStatement::overduePrincipal), positions);
    }

    private static BigDecimal sum(List<Position> positions, Function<InterestStatement, BigDecimal> field) {
        return positions.stream().map(p -> field.apply(p.statement())).reduce(new BigDecimal("0.00"),
                BigDecimal::add);
    }
}
