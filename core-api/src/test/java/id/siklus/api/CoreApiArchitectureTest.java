package id.siklus.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared API is read by both services and by client systems: it carries no persistence, web or broker types. */
class CoreApiArchitectureTest {

    private static JavaClasses coreApi;

    @BeforeAll
    static void importCoreApi() {
        coreApi = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.siklus.api");
    }

    @Test
    void theImportSeesTheMessagesOfCoreApi() {
        // guards the rule below against passing vacuously on an empty import
        assertThat(coreApi.containPackage("id.siklus.api.kelurahan")).isTrue();
        assertThat(coreApi.containPackage("id.siklus.api.household")).isTrue();
    }

    @Test
    void coreApiDependsOnNoSpringMongoKafkaJdbcOrJpa() {
        ArchRule rule = noClasses().that().resideInAPackage("id.siklus.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta.persistence..",
                        "jakarta.servlet..")
                .because("core-api is shared by both services and client systems and must stay free of "
                        + "persistence, web and broker types");
        rule.check(coreApi);
    }
}
