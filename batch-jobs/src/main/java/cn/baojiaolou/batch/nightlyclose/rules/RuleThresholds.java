package cn.baojiaolou.batch.nightlyclose.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the reconciliation rules and of statement matching (DOMAIN.md: "Thresholds are configuration,
 * not code"). Set with {@code loan.rules.*}, e.g. {@code loan.rules.idle-days=60}.
 *
 * @param matchWindowDays      fuzzy matching pairs a bank line and a ledger row whose value dates are at most this many
 *                             days apart; a payment or a 专户 debit still unmatched this many days after its value date
 *                             is reported (LEDGER_WITHOUT_BANK, BANK_WITHOUT_LEDGER)
 * @param milestoneWarningDays a milestone more than this many days past its planned date is a WARNING
 * @param milestoneSeriousDays … and more than this many days, SERIOUS
 * @param idleDays             a payment with no milestone of its project verified within this many days after it is
 *                             idle (IDLE_FUNDS)
 * @param deliverySeriousDays  a delivery more than this many days past the expected date is SERIOUS (else WARNING)
 */
@ConfigurationProperties(prefix = "loan.rules")
public record RuleThresholds(@DefaultValue("3") int matchWindowDays,
                             @DefaultValue("30") int milestoneWarningDays,
                             @DefaultValue("90") int milestoneSeriousDays,
                             @DefaultValue("90") int idleDays,
                             @DefaultValue("90") int deliverySeriousDays) {

    public static final RuleThresholds DEFAULTS = new RuleThresholds(3, 30, 90, 90, 90);

    public RuleThresholds {
        if (matchWindowDays < 0 || milestoneWarningDays < 0 || idleDays < 1 || deliverySeriousDays < 0) {
            throw new IllegalArgumentException("loan.rules thresholds must not be negative (idle-days at least 1)");
        }
        if (milestoneSeriousDays < milestoneWarningDays) {
            throw new IllegalArgumentException("loan.rules.milestone-serious-days must not be below "
                    + "loan.rules.milestone-warning-days");
        }
    }
}
