package cn.baojiaolou.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The batch runner: the nightly close and statement imports, one-shot or on a schedule. It imports {@link BatchCore}
 * (loan-service's core and the jobs) and adds the runner's commands: no web server, controller, page or HTTP
 * security is loaded, and no benchmark tool (those are batch-jobs/perf-tools). The database choice is the service's:
 * the embedded MariaDB under ./var/ when nothing is configured, shared with a running service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
@Import(BatchCore.class)
@ComponentScan(basePackages = "cn.baojiaolou.batch.runner")
public class BatchJobsApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BatchJobsApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
