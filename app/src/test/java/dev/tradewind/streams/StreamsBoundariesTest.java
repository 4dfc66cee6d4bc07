package dev.tradewind.streams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Streams publishes its ports (StreamPublisher, ChannelSnapshots, SymbolDirectory, Channel, ChannelType,
 * StreamErrorCodes); channel owners depend on it, never the other way round.
 */
@AnalyzeClasses(packages = "dev.tradewind", importOptions = ImportOption.DoNotIncludeTests.class)
class StreamsBoundariesTest {
    @ArchTest
    static final ArchRule internalsStayInside = noClasses()
            .that().resideOutsideOfPackage("dev.tradewind.streams..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradewind.streams.internal..");

    @ArchTest
    static final ArchRule streamsKnowsNoChannelOwner = noClasses()
            .that().resideInAPackage("dev.tradewind.streams..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradewind.marketdata..", "dev.tradewind.trading..",
                    "dev.tradewind.ledger..", "dev.tradewind.identity..", "dev.tradewind.engine..");

    @ArchTest
    static final ArchRule thePortsAreFreeOfWebSocketTypes = noClasses()
            .that().resideInAPackage("dev.tradewind.streams")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.socket..", "jakarta.websocket..");
}
