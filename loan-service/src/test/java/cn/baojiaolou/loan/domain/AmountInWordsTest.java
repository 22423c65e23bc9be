package cn.baojiaolou.loan.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountInWordsTest {

    @Test
    void capitalsAsChequesWriteThem() {
        assertThat(words("1234.56")).isEqualTo("壹仟贰佰叁拾肆元伍角陆分");
        assertThat(words("1300000.00")).isEqualTo("壹佰叁拾万元整");
        assertThat(words("1005000")).isEqualTo("壹佰万伍仟元整");
        assertThat(words("1000500")).isEqualTo("壹佰万零伍佰元整");
        assertThat(words("105000")).isEqualTo("壹拾万伍仟元整");
        assertThat(words("100000000")).isEqualTo("壹亿元整");
        assertThat(words("1000000001")).isEqualTo("壹拾亿零壹元整");
        assertThat(words("100010001")).isEqualTo("壹亿零壹万零壹元整");
        assertThat(words("56500000")).isEqualTo("伍仟陆佰伍拾万元整");
        assertThat(words("1001.01")).isEqualTo("壹仟零壹元零壹分");
        assertThat(words("10.50")).isEqualTo("壹拾元伍角");
        assertThat(words("0.06")).isEqualTo("陆分");
        assertThat(words("0.60")).isEqualTo("陆角");
        assertThat(words("0")).isEqualTo("零元整");
        assertThat(words("100000000000.00")).isEqualTo("壹仟亿元整");
    }

    @Test
    void notAnAmountIsRefused() {
        assertThatThrownBy(() -> words("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> words("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String words(String amount) {
        return AmountInWords.of(new BigDecimal(amount));
    }
}
