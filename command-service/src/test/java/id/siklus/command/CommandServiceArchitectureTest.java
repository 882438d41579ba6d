package id.siklus.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The two services meet only through core-api messages on the topic, never through each other's classes. */
class CommandServiceArchitectureTest {

    private static JavaClasses commandService;

    @BeforeAll
    static void importCommandService() {
        commandService = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.siklus.command");
    }

    @Test
    void theImportSeesTheCommandSide() {
        assertThat(commandService.containPackage("id.siklus.command.kelurahan")).isTrue();
        assertThat(commandService.containPackage("id.siklus.command.household")).isTrue();
    }

    @Test
    void theCommandSideDoesNotDependOnTheQuerySide() {
        noClasses().that().resideInAPackage("id.siklus.command..")
                .should().dependOnClassesThat().resideInAPackage("id.siklus.query..")
                .because("the query side is fed by events on the topic; the command side must not know its read models")
                .check(commandService);
    }
}
