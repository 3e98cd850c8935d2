package dev.jcompose.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model's packages depend on each other in one direction only, and the public model never reaches into the loader. */
class PackageCyclesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jcompose.model");

    @Test
    void modelPackagesAreFreeOfCycles() {
        slices().matching("dev.jcompose.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void publicModelDoesNotDependOnTheLoader() {
        noClasses().that().resideInAPackage("dev.jcompose.model")
                .should().dependOnClassesThat().resideInAPackage("dev.jcompose.model.load..")
                .check(CLASSES);
    }
}
