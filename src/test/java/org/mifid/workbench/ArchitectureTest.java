package org.mifid.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layering of the workbench, read bottom-up: the domain core; the mathematics; file readers, images and
 * networks; the store; the CompetitionKind interface; the review logic that the UI, the CLI and every export
 * share; the application services (scoring, then import, which registers image sets through it, export, demo)
 * with the competition kinds beside them, which nothing reaches but through the interface (ServiceLoader finds
 * them); and on top the CLI, the benchmarks and the UI. Like JabRef's CommonArchitectureTest, one step stricter:
 * nothing below the UI imports JavaFX at all.
 */
@AnalyzeClasses(packages = "org.mifid.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "org.mifid.workbench";

    /** JavaFX's API and its internals (com.sun.javafx, com.sun.glass, com.sun.prism ship in the same jars). */
    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(BASE + "..")
            .layer("core").definedBy(BASE + ".core..")
            .layer("engine").definedBy(BASE + ".engine..")
            .layer("io").definedBy(BASE + ".io..")
            .layer("imaging").definedBy(BASE + ".imaging..")
            .layer("assets").definedBy(BASE + ".assets..")
            .layer("features").definedBy(BASE + ".features..")
            .layer("prompts").definedBy(BASE + ".prompts..")
            .layer("store").definedBy(BASE + ".store..")
            .layer("kind").definedBy(BASE + ".kind")
            .layer("kinds").definedBy(BASE + ".kind.*..")
            .layer("review").definedBy(BASE + ".review..")
            .layer("scoring").definedBy(BASE + ".scoring..")
            .layer("importing").definedBy(BASE + ".importing..")
            .layer("batch").definedBy(BASE + ".batch..")
            .layer("export").definedBy(BASE + ".export..")
            .layer("demo").definedBy(BASE + ".demo..")
            .layer("bench").definedBy(BASE + ".bench..")
            .layer("cli").definedBy(BASE + ".cli..")
            .layer("ui").definedBy(BASE + ".ui..")
            .layer("launcher").definedBy(BASE)
            .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("kinds").mayNotBeAccessedByAnyLayer()
            .whereLayer("demo").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("export").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("importing").mayOnlyBeAccessedByLayers("export", "bench", "cli", "ui")
            .whereLayer("batch").mayOnlyBeAccessedByLayers("bench", "cli")
            .whereLayer("scoring").mayOnlyBeAccessedByLayers("kinds", "importing", "batch", "export", "demo", "bench",
                    "cli", "ui")
            .whereLayer("review").mayOnlyBeAccessedByLayers("export", "cli", "ui")
            .whereLayer("kind").mayOnlyBeAccessedByLayers("kinds", "review", "export", "demo", "bench", "cli", "ui")
            .whereLayer("store").mayOnlyBeAccessedByLayers("kind", "kinds", "review", "scoring", "importing", "export",
                    "demo", "bench", "cli", "ui")
            .whereLayer("features").mayOnlyBeAccessedByLayers("kinds", "scoring", "batch", "bench", "cli", "ui")
            .whereLayer("prompts").mayOnlyBeAccessedByLayers("kinds", "demo", "bench", "cli", "ui")
            .whereLayer("imaging").mayOnlyBeAccessedByLayers("kinds", "features", "scoring", "batch", "demo", "bench",
                    "cli", "ui")
            .whereLayer("io").mayOnlyBeAccessedByLayers("kinds", "features", "prompts", "scoring", "importing", "batch",
                    "export", "bench", "cli", "ui")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("io", "features", "prompts", "store", "kind", "kinds",
                    "review", "scoring", "importing", "batch", "export", "demo", "bench", "cli", "ui")
            .because("dependencies point one way: from the pages and commands down to the domain core");

    @ArchTest
    static final ArchRule coreDependsOnNothingOfTheWorkbench = noClasses()
            .that().resideInAPackage(BASE + ".core..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".(*)..")
            .andShould().dependOnClassesThat().resideOutsideOfPackages("java..", BASE + ".core..")
            .because("the domain core is plain Java that every layer may use");

    @ArchTest
    static final ArchRule engineIsMathematicsOnly = noClasses()
            .that().resideInAPackage(BASE + ".engine..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..", "java.sql..")
            .because("the engine computes; reading and writing files is the io package's job");

    @ArchTest
    static final ArchRule nothingBelowTheUiKnowsJavaFx = noClasses()
            .that().resideOutsideOfPackage(BASE + ".ui..")
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
            .because("everything below the UI runs headless, under the CLI, the batch job and the tests alike");

    @ArchTest
    static final ArchRule onlyTheBatchJobKnowsSpark = noClasses()
            .that().resideOutsideOfPackage(BASE + ".batch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .because("Spark is provided by a cluster or target/spark-lib, never by the desktop app, which must not load"
                    + " it");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackage(BASE + ".store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("the workspace's schema is the store's own business");

    @ArchTest
    static final ArchRule onlyTheCommandsUseStandardStreams = noClasses()
            .that().resideOutsideOfPackages(BASE + ".cli..", BASE + ".bench..")
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the commands own the terminal; everything else logs through SLF4J or reports through "
                    + "ProgressMonitor and exceptions");

    @ArchTest
    static final ArchRule kindsDoNotKnowEachOther = slices()
            .matching(BASE + ".kind.(*)..")
            .should().notDependOnEachOther()
            .because("a competition kind is one implementation of CompetitionKind; what two kinds share belongs below");

    @ArchTest
    static final ArchRule packagesAndSubPackagesAreFreeOfCycles = slices()
            .matching(BASE + ".(**)")
            .should().beFreeOfCycles();
}
