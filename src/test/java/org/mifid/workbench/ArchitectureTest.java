package org.mifid.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The layering of the workbench: the metric math and the statistics run without a GUI or a database, the
 * services serve both the CLI and the UI, and only the CLI talks to the terminal. Like JabRef's
 * CommonArchitectureTest, one step stricter: the engine imports nothing from JavaFX at all.
 */
@AnalyzeClasses(packages = "org.mifid.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "org.mifid.workbench";
    private static final String ENGINE = BASE + ".engine..";
    private static final String IMAGING = BASE + ".imaging..";
    private static final String FEATURES = BASE + ".features..";
    private static final String ANALYSIS = BASE + ".analysis..";
    private static final String STORE = BASE + ".store..";
    private static final String SERVICE = BASE + ".service..";
    private static final String CLI = BASE + ".cli..";
    private static final String UI = BASE + ".ui..";

    /** JavaFX's API and its internals (com.sun.javafx, com.sun.glass, com.sun.prism ship in the same jars). */
    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism.."};

    @ArchTest
    static final ArchRule computationIsFreeOfGuiDatabaseAndApplicationLayers = noClasses()
            .that().resideInAnyPackage(ENGINE, IMAGING, FEATURES, ANALYSIS)
            .should().dependOnClassesThat().resideInAnyPackage(javaFxAnd("java.sql..", "org.sqlite..", STORE, SERVICE, CLI, UI))
            .because("the metric math, image reading, feature extraction and statistics run headless, "
                    + "without a database, under the CLI, the UI and the tests alike");

    @ArchTest
    static final ArchRule storeIsFreeOfGuiAndApplicationLayers = noClasses()
            .that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage(javaFxAnd(SERVICE, CLI, UI))
            .because("the workspace is a library the services use, never the other way round");

    @ArchTest
    static final ArchRule servicesAreFreeOfGuiAndCli = noClasses()
            .that().resideInAPackage(SERVICE)
            .should().dependOnClassesThat().resideInAnyPackage(javaFxAnd(CLI, UI))
            .because("the same services back the CLI and the UI");

    @ArchTest
    static final ArchRule cliIsFreeOfGui = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(javaFxAnd(UI))
            .because("the CLI runs on machines without a display");

    @ArchTest
    static final ArchRule onlyTheCliUsesStandardStreams = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the CLI owns the terminal; everything else logs through SLF4J or reports through "
                    + "ProgressMonitor and exceptions");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices()
            .matching(BASE + ".(*)..")
            .should().beFreeOfCycles();

    private static String[] javaFxAnd(String... packages) {
        return Stream.concat(Arrays.stream(JAVAFX), Arrays.stream(packages)).toArray(String[]::new);
    }
}
