package cn.baojiaolou.loan.property;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import cn.baojiaolou.loan.LoanCore;
import cn.baojiaolou.loan.support.Fixtures;

/**
 * The services and the real database for jqwik properties, which run outside the Spring test support: the core (no
 * web layer, as the batch runner has it) on the database the other tests use, started once per test JVM.
 */
final class PropertyContext {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({LoanCore.class, Fixtures.class})
    static class Core {
    }

    private static ConfigurableApplicationContext context;

    private PropertyContext() {
    }

    static synchronized ConfigurableApplicationContext get() {
        if (context == null) {
            context = new SpringApplicationBuilder(Core.class).web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off", "spring.application.name=property-tests")
                    .run();
            context.registerShutdownHook();
        }
        return context;
    }

    static <T> T bean(Class<T> type) {
        return get().getBean(type);
    }
}
