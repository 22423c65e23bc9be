package cn.baojiaolou.loan.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole-response examples, captured from the demo (吾悦华府, LL-01, its vouchers) by
 * docs/tools/capture-api-examples.py into apidocs/examples/&lt;operationId&gt;.json. Spectral checks each one against its
 * schema, so an example that drifts from the contract fails CI.
 */
final class ResponseExamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseExamples() {
    }

    static void apply(String operationId, Operation op) {
        Object example = load(operationId);
        if (example == null || op.getResponses() == null) {
            return;
        }
        op.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                MediaType json = response.getContent().get("application/json");
                if (json != null) {
                    json.setExample(example);
                }
            }
        });
    }

    static Object load(String operationId) {
        try (InputStream in = ResponseExamples.class.getResourceAsStream("/apidocs/examples/" + operationId + ".json")) {
            return in == null ? null : JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("apidocs/examples/" + operationId + ".json", e);
        }
    }
}
