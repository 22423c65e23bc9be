package cn.baojiaolou.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The reports' Chinese and English bundles stay in sync, and Chinese is what anyone but an English reader gets. */
class ReportMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties zh = load("/reports/messages.properties");
        Properties en = load("/reports/messages_en.properties");

        assertThat(zh.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        zh.forEach((k, v) -> assertThat((String) v).as("zh %s", k).isNotBlank());
        en.forEach((k, v) -> assertThat((String) v).as("en %s", k).isNotBlank());
    }

    @Test
    void everyReportHasATitleInBothLanguages() {
        for (ReportKind kind : ReportKind.values()) {
            assertThat(new ReportMessages(Locale.SIMPLIFIED_CHINESE).get(kind.titleKey())).isNotBlank();
            assertThat(new ReportMessages(Locale.ENGLISH).get(kind.titleKey())).isNotBlank();
        }
        assertThat(new ReportMessages(Locale.SIMPLIFIED_CHINESE).get(ReportKind.SUMMARY.titleKey()))
                .isEqualTo("专项借款汇总表");
    }

    @Test
    void anyLanguageButEnglishGetsChinese() {
        assertThat(new ReportMessages(Locale.FRENCH).get("label.total")).isEqualTo("合计");
        assertThat(new ReportMessages(null).get("label.total")).isEqualTo("合计");
        assertThat(new ReportMessages(Locale.US).get("label.total")).isEqualTo("Total");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
