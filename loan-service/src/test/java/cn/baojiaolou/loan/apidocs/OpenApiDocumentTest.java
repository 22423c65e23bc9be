package cn.baojiaolou.loan.apidocs;

import cn.baojiaolou.loan.support.Api;
import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The served /v3/api-docs, written to target/openapi.json for Spectral (.ci/run). */
@DatabaseTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    Api api;
    @Autowired
    Fixtures fx;

    @Test
    void theServedDocumentIsExported() throws Exception {
        String body = api.get(fx.user(Role.AUDITOR, null), "/v3/api-docs").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode doc = JSON.readTree(body);
        Files.writeString(Path.of("target/openapi.json"), JSON.writeValueAsString(doc));
        assertThat(doc.path("openapi").asString()).startsWith("3.");
    }
}
