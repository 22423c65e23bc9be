package cn.baojiaolou.batch.nightlyclose.rules;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleThresholdsTest {

    @Test
    void defaultsAreTheDomainsNumbers() {
        assertThat(bind(Map.of())).isEqualTo(new RuleThresholds(3, 30, 90, 90, 90)).isEqualTo(RuleThresholds.DEFAULTS);
    }

    @Test
    void eachThresholdIsSetUnderLoanRules() {
        assertThat(bind(Map.of("loan.rules.match-window-days", "5", "loan.rules.milestone-warning-days", "15",
                "loan.rules.milestone-serious-days", "45", "loan.rules.idle-days", "60",
                "loan.rules.delivery-serious-days", "120")))
                .isEqualTo(new RuleThresholds(5, 15, 45, 60, 120));
    }

    @Test
    void nonsenseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("loan.rules.milestone-serious-days", "10")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("loan.rules.match-window-days", "-1")))
                .isInstanceOf(BindException.class);
    }

    private static RuleThresholds bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("loan.rules", Bindable.of(RuleThresholds.class));
    }
}
