package cn.baojiaolou.loan.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Descriptions of the DTO fields and parameters, from apidocs/fields.properties: "Schema.field" first, then "field"
 * (most names mean the same everywhere). BigDecimal, which the API writes as a decimal string (see the web
 * package's JsonOnlyConfig), is typed {@code string}, {@code format: decimal}, with a pattern: two decimals for money,
 * up to six for rates and percentages.
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
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            props.replaceAll((field, p) -> decimal(p, field));
            props.forEach((field, p) -> {
                // Jackson writes absent values as null: whatever is not required may be null
                if (!required.contains(field) && p.get$ref() == null) {
                    p.setNullable(true);
                }
                if (p.getDescription() == null && p.get$ref() == null) {
                    p.setDescription(text(name, field));
                }
                example(name, field, p);
                if (p.getItems() != null) {
                    p.setItems(decimal(p.getItems(), field));
                }
                if (p.getAdditionalProperties() instanceof Schema values) {
                    p.setAdditionalProperties(decimal(values, field));
                }
            });
        });
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(media -> {
                        String ref = media.getSchema() == null ? null : media.getSchema().get$ref();
                        if (ref != null) {
                            decimalStrings(api.getComponents().getSchemas()
                                    .get(ref.substring(ref.lastIndexOf('/') + 1)));
                        }
                    });
                }
                if (op.getParameters() != null) {
                    op.getParameters().forEach(param -> {
                        if (param.get$ref() == null && param.getDescription() == null) {
                            param.setDescription(text("param", param.getName()));
                        }
                        if (param.getSchema() != null) {
                            param.setSchema(decimal(param.getSchema(), param.getName()));
                        }
                    });
                }
            }));
        }
    }

    /**
     * In requests a decimal may be a string ("50000.00", exact in every client language) or a JSON number: Jackson
     * reads both, and the tests send both. The bounds (@DecimalMin …) stay the service's to check.
     */
    @SuppressWarnings("rawtypes")
    private static void decimalStrings(Schema<?> request) {
        if (request == null || request.getProperties() == null) {
            return;
        }
        List<Schema> decimals = new java.util.ArrayList<>();
        for (Schema p : request.getProperties().values()) {
            if ("decimal".equals(p.getFormat())) {
                decimals.add(p);
            }
        }
        for (Schema p : decimals) {
            String text = p.getDescription();
            Object example = p.getExample() == null ? null : p.getExample().toString();
            request.getProperties().replaceAll((name, value) -> value != p ? value
                    : new Schema<>().description(text).nullable(p.getNullable()).example(example)
                    .allOf(List.of(new Schema<>().$ref("#/components/schemas/" + DECIMAL_INPUT))));
        }
    }

    static final String DECIMAL_INPUT = "DecimalInput";
    static final String DECIMAL_STRING = "^-?\\d{1,15}(\\.\\d{1,6})?$";

    /** Examples from the demo (吾悦华府, LL-01, its vouchers): "example.Schema.field" or "example.field". */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void example(String schema, String field, Schema p) {
        String text = TEXT.getProperty("example." + schema + "." + field, TEXT.getProperty("example." + field));
        if (text == null || p.get$ref() != null || p.getFormat() != null && p.getFormat().startsWith("date")) {
            return;
        }
        Object value = switch (String.valueOf(p.getType())) {
            case "number" -> new java.math.BigDecimal(text);
            case "integer" -> Long.valueOf(text);
            case "string" -> text;
            default -> null;
        };
        if (value != null) {
            p.setExample(value);
        }
    }

    /** Rates and percentages: every other decimal is an amount of 元 (or 积数, 元·days) with two decimals. */
    private static final java.util.Set<String> NOT_MONEY =
            java.util.Set.of("annualRate", "newAnnualRate", "currentAnnualRate", "contractAnnualRate", "capPercent", "cumulativeCapPercent", "penaltyMarkup", "resolutionRate");
    static final String MONEY_STRING = "^-?\\d{1,16}\\.\\d{2}$";

    /**
     * A number without a format (what springdoc makes of BigDecimal) becomes a new string schema: a NumberSchema
     * would turn a string example back into a number.
     */
    @SuppressWarnings("rawtypes")
    private static Schema decimal(Schema p, String field) {
        if (p.get$ref() != null || p.getFormat() != null
                || !(isNumber(p.getType()) || (p.getTypes() != null && p.getTypes().contains("number")))) {
            return p;
        }
        return new io.swagger.v3.oas.models.media.StringSchema().format("decimal")
                .pattern(NOT_MONEY.contains(field) ? DECIMAL_STRING : MONEY_STRING)
                .description(p.getDescription()).nullable(p.getNullable()).readOnly(p.getReadOnly());
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
