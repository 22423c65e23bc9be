package cn.baojiaolou.loan.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese unless the client asks for English: the pages' 中文 / English switch ({@code ?lang=en}) is kept in a
 * cookie; without it, Accept-Language decides (as it always has for the API); anything else is Chinese.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();
        header.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        header.setSupportedLocales(SUPPORTED);
        CookieLocaleResolver cookie = new CookieLocaleResolver("bjl-lang");
        cookie.setDefaultLocaleFunction(header::resolveLocale);
        return cookie;
    }

    /**
     * The pages' web font (a WOFF2 subset of the reports' Noto Sans SC, static/fonts), cached for a year: its name
     * changes when it is made again.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/fonts/**").addResourceLocations("classpath:/static/fonts/")
                .setCachePeriod(365 * 24 * 3600);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
