package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RmbUppercaseTest {

    @ParameterizedTest
    @CsvSource({
            "1234567.89, 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "100.00, 壹佰元整",
            "1000000.05, 壹佰万元零伍分",
            // the examples of 《正确填写票据和结算凭证的基本规定》
            "1409.50, 壹仟肆佰零玖元伍角整",
            "6007.14, 陆仟零柒元壹角肆分",
            "325.04, 叁佰贰拾伍元零肆分",
            "107000.53, 壹拾万柒仟元伍角叁分",
            "10.00, 壹拾元整",
            "15.00, 壹拾伍元整",
            "1010.00, 壹仟零壹拾元整",
            "100001.00, 壹拾万零壹元整",
            "1000100.00, 壹佰万零壹佰元整",
            "10000000.00, 壹仟万元整",
            "100000000.00, 壹亿元整",
            "100000001.00, 壹亿零壹元整",
            "100010000.00, 壹亿零壹万元整",
            "170360000.00, 壹亿柒仟零叁拾陆万元整",
            "2000000000000.00, 贰万亿元整",
            "0.00, 零元整",
            "0.05, 伍分",
            "0.50, 伍角整",
            "-200.00, 负贰佰元整",
            "0.005, 壹分",
    })
    void writesTheAmountAsTheBankFormsDo(String amount, String expected) {
        assertThat(RmbUppercase.of(new BigDecimal(amount))).isEqualTo(expected);
    }

    @Test
    void refusesWhatItCannotName() {
        assertThatThrownBy(() -> RmbUppercase.of(new BigDecimal("10000000000000000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The cases the court letters and the pages relied on before the two implementations became this one. */
    @Test
    void theLettersAndPagesCases() {
        String[][] cases = {{"1234.56", "壹仟贰佰叁拾肆元伍角陆分"}, {"1300000.00", "壹佰叁拾万元整"},
                {"1005000", "壹佰万伍仟元整"}, {"1000500", "壹佰万零伍佰元整"}, {"105000", "壹拾万伍仟元整"},
                {"100000000", "壹亿元整"}, {"1000000001", "壹拾亿零壹元整"}, {"100010001", "壹亿零壹万零壹元整"},
                {"56500000", "伍仟陆佰伍拾万元整"}, {"1001.01", "壹仟零壹元零壹分"}, {"10.50", "壹拾元伍角整"},
                {"0.06", "陆分"}, {"0.60", "陆角整"}, {"100000000000.00", "壹仟亿元整"}};
        for (String[] c : cases) {
            assertThat(RmbUppercase.of(new BigDecimal(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
    }
}
