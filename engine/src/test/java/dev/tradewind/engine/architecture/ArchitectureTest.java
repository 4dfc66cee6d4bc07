package dev.tradewind.engine.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine stays plain Java (DESIGN.md "Style" 1): no framework, no third-party code but HdrHistogram. */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tradewind.engine");

    @Test
    void engineDependsOnlyOnTheJdkAndHdrHistogram() {
        classes().that().resideInAPackage("dev.tradewind.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.tradewind.engine..", "org.HdrHistogram..")
                .check(ENGINE);
    }

    @Test
    void matchingCoreDoesNotUseFloatingPoint() {
        noClasses().that().resideInAnyPackage("dev.tradewind.engine.book..", "dev.tradewind.engine.risk..",
                        "dev.tradewind.engine.core..", "dev.tradewind.engine.collection..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.math.BigDecimal")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Float")
                .check(ENGINE);
    }

    @Test
    void noFloatingPointStateOrSignatures() {
        noFields().should().haveRawType(double.class).orShould().haveRawType(float.class).check(ENGINE);
        noMethods().should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class).check(ENGINE);
    }

    @Test
    void bookKnowsNothingOfCommandsEventsOrTheSequencer() {
        noClasses().that().resideInAPackage("dev.tradewind.engine.book..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tradewind.engine.command..",
                        "dev.tradewind.engine.event..", "dev.tradewind.engine.sequencer..", "dev.tradewind.engine.core..")
                .check(ENGINE);
    }
}
