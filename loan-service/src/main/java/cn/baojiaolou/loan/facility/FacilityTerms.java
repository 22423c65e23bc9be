package cn.baojiaolou.loan.facility;

import org.springframework.stereotype.Service;

import cn.baojiaolou.loan.domain.facility.Facility;
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
}
