package cn.baojiaolou.loan.db;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the settings shared by the service, the batch runner and the tests ({@code loan-defaults.properties}, at
 * the lowest precedence), then chooses the database before anything connects: LOAN_DB_URL / LOAN_DB_USER / LOAN_DB_PASSWORD or
 * spring.datasource.url point at a real MySQL 8 or MariaDB; with neither, the embedded MariaDB under ./var/ is
 * started and used. Runs for the service, the batch runner and the tests alike.
 */
public class LoanEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "loanDatabase";
    static final String DEFAULTS = "loan-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        try {
            env.getPropertySources().addLast(new ResourcePropertySource("loanDefaults",
                    new EncodedResource(new ClassPathResource(DEFAULTS), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        Map<String, Object> props = new HashMap<>();
        String url = env.getProperty("LOAN_DB_URL");
        if (hasText(url)) {
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", env.getProperty("LOAN_DB_USER", "root"));
            props.put("spring.datasource.password", env.getProperty("LOAN_DB_PASSWORD", ""));
        } else if (!hasText(env.getProperty("spring.datasource.url"))) {
            Path dir = Path.of(env.getProperty("loan.embedded-db.dir", "var/mariadb"));
            int port = Integer.parseInt(env.getProperty("loan.embedded-db.port", "3317"));
            boolean fresh = Boolean.parseBoolean(env.getProperty("loan.embedded-db.fresh", "false"));
            String database = env.getProperty("loan.embedded-db.database", "loan");
            int actual = EmbeddedMariaDb.ensureStarted(dir, port, fresh);
            props.put("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + actual + "/" + database
                    + "?createDatabaseIfNotExist=true&sslMode=DISABLED&characterEncoding=UTF-8"
                    + "&rewriteBatchedStatements=true&useCursorFetch=true");
            props.put("spring.datasource.username", "root");
            props.put("spring.datasource.password", "");
            props.put("loan.embedded-db.active", "true");
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, props));
        }
    }

    @Override
    public int getOrder() {
        // after application.properties and the environment variables have been loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
