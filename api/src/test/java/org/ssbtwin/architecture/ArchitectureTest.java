package org.ssbtwin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules as tests (issue 20): model packages import no Pekko, the modules are layered kernel -> plant ->
 * fleet -> config -> feed -> api, packages have no cycles, request-serving code talks to the entities through their
 * protocol or the read side and never run model engines inline, and nothing depends on the benchmarks.
 */
class ArchitectureTest {
    static JavaClasses classes;

    /** Packages of plain-Java model code: records, sealed interfaces, no actors. */
    static final String[] MODEL = {"org.ssbtwin.core..", "org.ssbtwin.plant.station..", "org.ssbtwin.plant.cell..",
            "org.ssbtwin.plant.layout..", "org.ssbtwin.plant.genealogy..", "org.ssbtwin.plant.physics..",
            "org.ssbtwin.plant.sim..", "org.ssbtwin.fleet.pack..", "org.ssbtwin.fleet.ageing..", "org.ssbtwin.fleet.usage..",
            "org.ssbtwin.fleet.study..", "org.ssbtwin.fleet.readmodel..", "org.ssbtwin.fleet.whatif..", "org.ssbtwin.feed.."};

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ssbtwin");
    }

    @Test
    void modelCodeIsFreeOfPekko() {
        noClasses().that().resideInAnyPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "scala..")
                .because("the plant and fleet models are plain immutable Java; entities are thin shells around them")
                .check(classes);
    }

    @Test
    void modulesAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("kernel").definedBy("org.ssbtwin.core..")
                .layer("plant").definedBy("org.ssbtwin.plant..")
                .layer("fleet").definedBy("org.ssbtwin.fleet..")
                .layer("config").definedBy("org.ssbtwin.config..")
                .layer("feed").definedBy("org.ssbtwin.feed..")
                .layer("api").definedBy("org.ssbtwin.api..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("feed").mayOnlyBeAccessedByLayers("api")
                .whereLayer("config").mayOnlyBeAccessedByLayers("feed", "api")
                .whereLayer("fleet").mayOnlyBeAccessedByLayers("config", "feed", "api")
                .whereLayer("plant").mayOnlyBeAccessedByLayers("fleet", "config", "feed", "api")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.ssbtwin.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void requestServingCodeDoesNotReachIntoModelEngines() {
        noClasses().that().resideInAnyPackage("org.ssbtwin.api.rest..", "org.ssbtwin.api.http..", "org.ssbtwin.api.ingest..",
                        "org.ssbtwin.api.readside..", "org.ssbtwin.api.search..", "org.ssbtwin.api.events..", "org.ssbtwin.api.history..",
                        "org.ssbtwin.api.auth..", "org.ssbtwin.api.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ssbtwin.plant.sim..", "org.ssbtwin.plant.physics..",
                        "org.ssbtwin.fleet.ageing.reference..", "org.ssbtwin.fleet.study..", "org.ssbtwin.fleet.whatif..")
                .because("routes and connectors ask entities (through their protocol) or the read side; model engines run in "
                        + "entities or in bounded background jobs (api.study, api.scenario), never inline in a request")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage("org.ssbtwin.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.ssbtwin.bench..")
                .check(classes);
    }
}
