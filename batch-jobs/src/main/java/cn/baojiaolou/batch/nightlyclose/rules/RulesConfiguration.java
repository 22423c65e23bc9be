package cn.baojiaolou.batch.nightlyclose.rules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@link RuleThresholds} ({@code loan.rules.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RuleThresholds.class)
public class RulesConfiguration {
}
