package cn.baojiaolou.loan.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese (default) and English bundles carry the same keys, and no message is left empty. */
class MessageBundleSyncTest {

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("/messages.properties");
        Properties en = load("/messages_en.properties");
        assertThat(zh.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        zh.forEach((k, v) -> assertThat((String) v).as("zh %s", k).isNotBlank());
        en.forEach((k, v) -> assertThat((String) v).as("en %s", k).isNotBlank());
    }

    @Test
    void theDefaultBundleIsChinese() throws IOException {
        Properties zh = load("/messages.properties");
        assertThat(zh.getProperty("disbursement.overProgress")).contains("超进度拨付");
        assertThat(zh.getProperty("disbursement.purposeProhibited")).contains("新老划断");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleSyncTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
