package dev.tradewind;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module structure of DESIGN.md ("Style" 1 and 3), checked on the production classes of the
 * engine and the app: the engine is framework-free, and the app's business modules
 * ({@code dev.tradewind.<module>}) use each other only through their published types, never through
 * another module's {@code internal} package, and without cycles.
 */
class ModuleBoundariesTest {
    private static final Pattern MODULE = Pattern.compile("dev\\.tradewind\\.([a-z]+)(\\..*)?");
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tradewind");

    @Test
    void engineDependsOnNoFramework() {
        classes().that().resideInAPackage("dev.tradewind.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.tradewind.engine..", "org.HdrHistogram..")
                .because("the engine is plain Java (DESIGN.md, The engine)")
                .check(PRODUCTION);
    }

    @Test
    void noModuleUsesAnotherModulesInternals() {
        classes().that().resideInAPackage("dev.tradewind..")
                .should(new ArchCondition<>("use no other module's internal package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = module(origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            if (target.contains(".internal") && target.startsWith("dev.tradewind.")
                                    && !module(target).equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(PRODUCTION);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.tradewind.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void onlyTheAppsModulesUseSpring() {
        noClasses().that().resideInAnyPackage("dev.tradewind.engine..", "dev.tradewind.bench..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are Spring classes",
                        (JavaClass c) -> c.getPackageName().startsWith("org.springframework")))
                .check(PRODUCTION);
    }

    private static String module(String packageName) {
        Matcher m = MODULE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
