package cn.baojiaolou.loan.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JasperReports 7 brings jackson-dataformat-xml, and with it Spring would answer XML to any client that asks for it
 * (and to some that send Accept: *&#47;*). The API speaks JSON only: the XML converter is removed.
 */
@Configuration
class JsonOnlyConfig implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(c -> c instanceof MappingJackson2XmlHttpMessageConverter);
    }
}
