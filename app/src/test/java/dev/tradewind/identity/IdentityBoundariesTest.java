package dev.tradewind.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Identity publishes CurrentUser, UserDirectory, User and its enums and events; the rest is its own. */
@AnalyzeClasses(packages = "dev.tradewind", importOptions = ImportOption.DoNotIncludeTests.class)
class IdentityBoundariesTest {
    @ArchTest
    static final ArchRule internalsStayInside = noClasses()
            .that().resideOutsideOfPackage("dev.tradewind.identity.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradewind.identity.internal..");

    @ArchTest
    static final ArchRule thePlatformDoesNotDependOnIdentity = noClasses()
            .that().resideInAPackage("dev.tradewind.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradewind.identity..");
}
