package cn.baojiaolou.loan;

import cn.baojiaolou.loan.common.LockConflictRetry;
import org.apache.ibatis.annotations.Mapper;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.Transactional;
import org.mybatis.spring.annotation.MapperScan;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.MyBatisExceptionTranslator;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
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

    /**
     * Lock conflicts (deadlock, lock wait timeout) are retried around every transactional service method, outside
     * its transaction (this advisor comes before the transaction's), when no transaction is running yet.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor lockConflictRetryAdvisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(Service.class, Transactional.class, true), new LockConflictRetry());
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /**
     * MyBatis translates SQL errors with MySQL's error codes (MariaDB's are the same) named up front: by default it asks
     * the database which one it is at the first error, and with the database stalled that costs one more connection
     * timeout on every failed request.
     */
    @Bean
    SqlSessionTemplate sqlSessionTemplate(SqlSessionFactory factory) {
        return new SqlSessionTemplate(factory, factory.getConfiguration().getDefaultExecutorType(),
                new MyBatisExceptionTranslator(() -> new SQLErrorCodeSQLExceptionTranslator("MySQL"), true));
    }

    /** Passwords are BCrypt: the login checks them, the demo loader and the user administration set them. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
