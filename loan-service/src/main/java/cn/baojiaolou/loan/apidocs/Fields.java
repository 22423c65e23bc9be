package cn.baojiaolou.loan.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Descriptions of the DTO fields and parameters, from apidocs/fields.properties: "Schema.field" first, then "field"
 * (most names mean the same everywhere). BigDecimal, which Jackson writes as a plain JSON number, is typed
 * {@code number}, {@code format: decimal}.
 */
final class Fields {

    private static final Properties TEXT = load();

    static String text(String schema, String field) {
        String specific = TEXT.getProperty(schema + "." + field);
        return specific != null ? specific : TEXT.getProperty(field);
    }

    @SuppressWarnings("rawtypes")
    static void describe(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            Map<String, Schema> props = schema.getProperties();
            if (props == null) {
                return;
            }
            props.forEach((field, p) -> {
                if (p.getDescription() == null) {
                    p.setDescription(text(name, field));
                }
                decimal(p);
                if (p.getItems() != null) {
                    decimal(p.getItems());
                }
                if (p.getAdditionalProperties() instanceof Schema values) {
                    decimal(values);
                }
            });
        });
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(param -> {
                        if (param.get$ref() == null && param.getDescription() == null) {
                            param.setDescription(text("param", param.getName()));
                        }
                        if (param.getSchema() != null) {
                            decimal(param.getSchema());
                        }
                    });
                }
            }));
        }
    }

    private static void decimal(Schema<?> p) {
        if (p.getFormat() == null && (isNumber(p.getType()) || (p.getTypes() != null && p.getTypes().contains("number")))) {
            p.setFormat("decimal");
        }
    }

    private static boolean isNumber(String type) {
        return "number".equals(type);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Fields.class.getResourceAsStream("/apidocs/fields.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private Fields() {
    }
}
