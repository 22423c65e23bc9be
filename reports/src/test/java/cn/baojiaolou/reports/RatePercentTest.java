package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Rates as the contracts state them: two decimals of a percent at least, every further decimal kept. */
class RatePercentTest {

    @Test
    void ratesKeepTheirDecimalsAndAreNeverRounded() {
        assertThat(RatePercent.format(new BigDecimal("0.031000"))).isEqualTo("3.10%");
        assertThat(RatePercent.format(new BigDecimal("0.028"))).isEqualTo("2.80%");
        assertThat(RatePercent.format(new BigDecimal("0.03125"))).isEqualTo("3.125%");
        assertThat(RatePercent.format(new BigDecimal("0.036"))).isEqualTo("3.60%");
        assertThat(RatePercent.format(new BigDecimal("0.1"))).isEqualTo("10.00%");
        assertThat(CellFormat.format(ColumnType.RATE, new BigDecimal("0.032500"))).isEqualTo("3.25%");
    }
}
