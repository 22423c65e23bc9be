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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served /v3/api-docs: written to target/openapi.json for Spectral (.ci/run), the same as the checked-in
 * docs/openapi.json (the contract integrators read and the generated client is built from), and complete: every
 * operation described, tagged and given its roles, every field described.
 */
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
        Files.writeString(Path.of("target/openapi.json"), JSON.writeValueAsString(doc) + "\n");
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        assertThat(doc.at("/info/title").asString()).isEqualTo("保交楼专项借款资金监管台账 API");

        JsonNode checkedIn = JSON.readTree(Files.readString(Path.of("../docs/openapi.json")));
        assertThat(checkedIn)
                .as("docs/openapi.json is not the served contract: review the change, then cp loan-service/target/openapi.json docs/")
                .isEqualTo(doc);
    }

    @Test
    void everyOperationAndFieldIsDescribed() throws Exception {
        JsonNode doc = JSON.readTree(api.get(fx.user(Role.AUDITOR, null), "/v3/api-docs").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String key = op.getKey().toUpperCase() + " " + path.getKey();
            if (!Operations.ALL.containsKey(key)) {
                missing.add("operation " + key);
            }
            if (!op.getValue().has("x-roles") || op.getValue().path("security").size() != 2) {
                missing.add("security of " + key);
            }
        }));
        doc.at("/components/schemas").properties().forEach(schema -> schema.getValue().path("properties").properties()
                .forEach(field -> {
                    if (!field.getValue().has("description") && !field.getValue().has("$ref")) {
                        missing.add("field " + schema.getKey() + "." + field.getKey());
                    }
                }));
        assertThat(missing).isEmpty();
        assertThat(Operations.ALL).hasSize(doc.get("paths").properties().stream()
                .mapToInt(p -> p.getValue().size()).sum());
    }
}
