package cn.baojiaolou.loan.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JasperReports 7 brings Jackson 2's XML and YAML modules, and with them Spring registers XML and YAML converters: it
 * would answer XML to any client that asks for it (and to some that send Accept: *&#47;*). The API speaks JSON only,
 * so every converter that handles nothing but XML or YAML is removed.
 */
@Configuration
class JsonOnlyConfig implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnlyConfig::xmlOrYamlOnly));
    }

    static boolean xmlOrYamlOnly(HttpMessageConverter<?> converter) {
        List<MediaType> types = converter.getSupportedMediaTypes();
        return !types.isEmpty() && types.stream().allMatch(t -> t.getSubtype().contains("xml")
                || t.getSubtype().contains("yaml"));
    }
}
