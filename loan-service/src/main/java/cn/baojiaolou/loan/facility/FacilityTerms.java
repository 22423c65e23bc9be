package cn.baojiaolou.loan.facility;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.domain.facility.Facility;
import cn.baojiaolou.loan.domain.facility.TermChange;
import cn.baojiaolou.loan.domain.interest.InterestTerms;

/** A facility's terms as interest reads them: the contract's, then every approved change from its effective day. */
@Service
public class FacilityTerms {

    private final TermChangeMapper changes;

    public FacilityTerms(TermChangeMapper changes) {
        this.changes = changes;
    }

    public InterestTerms of(Facility f) {
        return new InterestTerms(f.annualRate(), f.penaltyMarkup(), f.maturityDate(), changes.approvedSteps(f.id()));
    }

    /**
     * The approved changes in force by the end of {@code asOf}, in the order interest applies them: the history
     * behind the terms of that day. Asked-for and rejected ones never were in force.
     */
    public List<TermChange> inForceBy(Facility f, LocalDate asOf) {
        return changes.ofFacility(f.id()).stream().filter(c -> c.status() == TermChange.Status.APPROVED
                && !c.effectiveOn().isAfter(asOf)).toList();
    }
}
