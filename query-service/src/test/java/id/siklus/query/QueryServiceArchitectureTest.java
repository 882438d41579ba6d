package id.siklus.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The query side learns what happened from the events on the topic only, never from the command side's classes. */
class QueryServiceArchitectureTest {

    private static JavaClasses queryService;

    @BeforeAll
    static void importQueryService() {
        queryService = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.siklus.query");
    }

    @Test
    void theImportSeesTheQuerySide() {
        assertThat(queryService.containPackage("id.siklus.query.household")).isTrue();
        assertThat(queryService.containPackage("id.siklus.query.kelurahan")).isTrue();
    }

    @Test
    void theQuerySideDoesNotDependOnTheCommandSide() {
        noClasses().that().resideInAPackage("id.siklus.query..")
                .should().dependOnClassesThat().resideInAPackage("id.siklus.command..")
                .because("read models are folded from events on the topic; the command side may change freely")
                .check(queryService);
    }

    @Test
    void readModelsDoNotSendCommands() {
        noClasses().that().resideInAPackage("id.siklus.query..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.gateway.CommandGateway")
                .because("the query side only reads; every change goes through the command service's HTTP API")
                .check(queryService);
    }
}
