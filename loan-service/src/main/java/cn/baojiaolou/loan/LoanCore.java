package cn.baojiaolou.loan;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The core that the service and the batch runner share: the application services ({@code @Service}: the rules'
 * callers, the audit trail, the reports), the MyBatis mappers and method security. Nothing of the web edge: no
 * controller, page, filter, error handler or MVC and HTTP security configuration, which are {@code @Controller},
 * {@code @RestController}, {@code @Component} or {@code @Configuration} classes the service application alone
 * scans. The batch runner imports this class; it never scans loan-service.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "cn.baojiaolou.loan", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Service.class))
@MapperScan(basePackages = "cn.baojiaolou.loan", annotationClass = Mapper.class)
@EnableMethodSecurity
public class LoanCore {

    /** Passwords are BCrypt: the login checks them, the demo loader and the user administration set them. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
