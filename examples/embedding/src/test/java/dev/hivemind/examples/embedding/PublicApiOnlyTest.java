package dev.hivemind.examples.embedding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The example embeds HiveMind through its public entry points only: {@code dev.hivemind.embedded} and the wire model
 * and SPI of {@code dev.hivemind.api}; never the engine, a transport or an auth plugin by its classes.
 */
@AnalyzeClasses(packages = "dev.hivemind.examples")
class PublicApiOnlyTest {
    @ArchTest
    static final ArchRule NO_ENGINE = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.hivemind.engine..")
            .because("an application embeds HiveMind with HiveMind.satellite() and HiveMind.hub()");

    @ArchTest
    static final ArchRule ONLY_PUBLIC_HIVEMIND_PACKAGES = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.hivemind.examples..", "dev.hivemind.embedded..", "dev.hivemind.api..",
                    "io.vertx.core..", "java..", "org.slf4j..", "javax.annotation..", "org.junit..", "com.tngtech.archunit..")
            .because("transports and auth methods are found with ServiceLoader, not named in code");
}
