package cn.baojiaolou.loan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules of loan-service (README "Layering"), checked on the compiled classes:
 * <ul>
 *   <li>the feature packages ({@code cn.baojiaolou.loan.*}) import each other without a cycle;</li>
 *   <li>so do the domain's packages ({@code cn.baojiaolou.loan.domain.*});</li>
 *   <li>the domain is plain Java: it imports nothing but the JDK and itself (no Spring, MyBatis, Servlet or
 *       Jackson type), and nothing of the application around it.</li>
 * </ul>
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.baojiaolou.loan");

    /** Two test packages that import each other, one of them with a Spring type (archfixture). */
    static final JavaClasses CYCLE = new ClassFileImporter().importPackages("cn.baojiaolou.archfixture");

    static ArchRule noCycles(String slices) {
        return slices().matching(slices).should().beFreeOfCycles();
    }

    static ArchRule plainJava(String domain) {
        return classes().that().resideInAPackage(domain + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain + "..")
                .because("domain rules are plain Java: the web, persistence and batch layers depend on them, "
                        + "never the other way round");
    }

    @Test
    void featurePackagesFormADirectedAcyclicGraph() {
        noCycles("cn.baojiaolou.loan.(*)..").check(MAIN);
    }

    @Test
    void theRulesCatchACycleAndAFrameworkTypeWhenThereIsOne() {
        assertThatThrownBy(() -> noCycles("cn.baojiaolou.archfixture.(*)..").check(CYCLE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> plainJava("cn.baojiaolou.archfixture").check(CYCLE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.springframework.http.HttpStatus");
    }

    @Test
    void domainPackagesFormADirectedAcyclicGraph() {
        noCycles("cn.baojiaolou.loan.domain.(*)..").check(MAIN);
    }

    @Test
    void theDomainIsPlainJava() {
        plainJava("cn.baojiaolou.loan.domain").check(MAIN);
    }
}
