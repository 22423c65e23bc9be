package cn.baojiaolou.batch;

import cn.baojiaolou.batch.support.BatchDatabaseTest;
import cn.baojiaolou.loan.facility.FacilityService;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch runner is loan-service's core (LoanCore) and its own jobs: no web server, controller, page, servlet
 * filter or HTTP security; and batch-jobs' packages import each other without a cycle.
 */
@BatchDatabaseTest
class BatchContextTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theRunnerLoadsTheCoreAndNothingOfTheWebEdge() {
        assertThat(context).isNotInstanceOf(WebApplicationContext.class);
        assertThat(context.getBeansWithAnnotation(Controller.class)).isEmpty();
        assertThat(context.getBeansWithAnnotation(ControllerAdvice.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Filter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
        // no MVC configuration of the service's (Spring Security's own method-security proxy config may be there)
        assertThat(context.getBeansOfType(WebMvcConfigurer.class).values())
                .noneMatch(c -> c.getClass().getName().startsWith("cn.baojiaolou"));
        // the core is there: services, mappers
        assertThat(context.getBean(FacilityService.class)).isNotNull();
    }

    @Test
    void batchPackagesFormADirectedAcyclicGraph() {
        slices().matching("cn.baojiaolou.batch.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.baojiaolou.batch"));
    }
}
