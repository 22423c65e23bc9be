package cn.baojiaolou.batch;

import cn.baojiaolou.loan.LoanServiceApplication;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The batch runner: the nightly close and statement imports, one-shot or on a schedule. It reuses loan-service's
 * domain and persistence (not its web layer, security or demo data) and the same database choice: the embedded
 * MariaDB under ./var/ when nothing is configured, shared with a running service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ComponentScan(basePackages = {"cn.baojiaolou.batch", "cn.baojiaolou.loan"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = {Controller.class, ControllerAdvice.class}),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LoanServiceApplication.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "cn\\.baojiaolou\\.loan\\.(web|security|demo)\\..*")})
@MapperScan(basePackages = "cn.baojiaolou", annotationClass = Mapper.class)
public class BatchJobsApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BatchJobsApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
