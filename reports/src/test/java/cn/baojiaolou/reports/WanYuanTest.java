package cn.baojiaolou.reports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class WanYuanTest {

    @Test
    void lingLingsSpecialLoanReadsAs17036WanYuan() {
        assertThat(WanYuan.of(new BigDecimal("170360000.00"))).isEqualByComparingTo("17036.00");
        assertThat(WanYuan.format(new BigDecimal("170360000.00"))).isEqualTo("17,036.00");
    }

    @Test
    void roundsHalfUpOnceAtTheHundredthOfAWan() {
        // 49.99 元 = 0.004999 万元 → 0.00; 50.00 元 = 0.005 万元 → 0.01 (half-up)
        assertThat(WanYuan.of(new BigDecimal("49.99"))).isEqualByComparingTo("0.00");
        assertThat(WanYuan.of(new BigDecimal("50.00"))).isEqualByComparingTo("0.01");
        assertThat(WanYuan.format(new BigDecimal("-12345.00"))).isEqualTo("-1.23");
    }

    @Test
    void yuanKeepTwoDecimalsAndSeparators() {
        assertThat(WanYuan.formatYuan(new BigDecimal("56500000"))).isEqualTo("56,500,000.00");
        assertThat(WanYuan.formatYuan(new BigDecimal("0.005"))).isEqualTo("0.01");
    }

    @Test
    void separatorsFallEveryThreeDigitsFromTheDecimalPoint() {
        assertThat(WanYuan.formatYuan(new BigDecimal("999.99"))).isEqualTo("999.99");
        assertThat(WanYuan.formatYuan(new BigDecimal("1000"))).isEqualTo("1,000.00");
        assertThat(WanYuan.formatYuan(new BigDecimal("100000.5"))).isEqualTo("100,000.50");
        assertThat(WanYuan.formatYuan(new BigDecimal("-1234567.89"))).isEqualTo("-1,234,567.89");
        assertThat(WanYuan.formatYuan(new BigDecimal("-0.004"))).isEqualTo("0.00");
        assertThat(WanYuan.formatYuan(new BigDecimal("1E+8"))).isEqualTo("100,000,000.00");
    }
}
