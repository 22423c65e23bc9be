package cn.baojiaolou.loan.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import cn.baojiaolou.loan.common.BusinessClock;

/**
 * How the API writes JSON.
 * <ul>
 *   <li>JSON only. JasperReports 7 brings Jackson 2's XML and YAML modules, and with them Spring registers XML and
 *   YAML converters: it would answer XML to any client that asks for it (and to some that send Accept: *&#47;*).
 *   Every converter that handles nothing but XML or YAML is removed.</li>
 *   <li>Amounts as decimal strings ("50000.00"): a JSON number is a double in JavaScript and many other clients, and
 *   a double cannot hold every fen of 10¹² 元. Plain notation, never "5E+4".</li>
 *   <li>Times as RFC 3339 in Beijing time with its offset ("2023-06-28T10:15:30.123456+08:00"). Instants are stored
 *   as UTC wall times (LocalDateTime, DATETIME(6)); written bare, an integrator could not tell them from local
 *   time.</li>
 * </ul>
 * Only the HTTP converter's mapper is changed: audit rows and stored JSON keep the application mapper's forms.
 */
@Configuration
class JsonOnlyConfig implements WebMvcConfigurer {

    private final JacksonJsonHttpMessageConverter apiJson;

    JsonOnlyConfig(JsonMapper mapper) {
        this.apiJson = new JacksonJsonHttpMessageConverter(apiMapper(mapper));
    }

    static JsonMapper apiMapper(JsonMapper mapper) {
        return mapper.rebuild()
                .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new SimpleModule("api-times").addSerializer(LocalDateTime.class, new BeijingTimes()))
                .build();
    }

    /** A stored UTC instant, written as Beijing time with its offset. */
    static final class BeijingTimes extends StdSerializer<LocalDateTime> {

        BeijingTimes() {
            super(LocalDateTime.class);
        }

        @Override
        public void serialize(LocalDateTime utc, JsonGenerator gen, SerializationContext ctx) {
            gen.writeString(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BusinessClock.SHANGHAI).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> {
            converters.removeIf(JsonOnlyConfig::xmlOrYamlOnly);
            converters.replaceAll(c -> c.getClass() == JacksonJsonHttpMessageConverter.class ? apiJson : c);
        });
    }

    static boolean xmlOrYamlOnly(HttpMessageConverter<?> converter) {
        List<MediaType> types = converter.getSupportedMediaTypes();
        return !types.isEmpty() && types.stream().allMatch(t -> t.getSubtype().contains("xml")
                || t.getSubtype().contains("yaml"));
    }
}
