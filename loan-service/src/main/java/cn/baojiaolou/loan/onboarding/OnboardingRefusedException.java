package cn.baojiaolou.loan.onboarding;

import cn.baojiaolou.loan.domain.Refusal;

/**
 * A confirmation that found rows breaking a rule (the data changed since the check): nothing was imported, and the
 * import's problems are the new ones. The web edge answers 422 with them.
 */
public class OnboardingRefusedException extends Refusal {

    public static final String CODE = "onboarding.refused";

    private final transient OnboardingService.Result result;

    public OnboardingRefusedException(OnboardingService.Result result) {
        super(Kind.RULE, CODE, null, result.problemsCount());
        this.result = result;
    }

    public OnboardingService.Result result() {
        return result;
    }
}
