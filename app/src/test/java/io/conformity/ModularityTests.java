package io.conformity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.conformity.assessment.AssessmentApi;

/** The module boundaries of the house style, each rule with its reason. */
class ModularityTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.conformity");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
        ApplicationModules.of(ConformityApplication.class).verify();
    }

    @Test
    void onlyWorkflowKnowsCamunda() {
        // Camunda 7 CE has reached its end; keeping it in one module keeps a move to Operaton one module wide.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.conformity.workflow..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda..")
                .because("only the workflow module may use the process engine (ADR 0002)")
                .check(MAIN);
    }

    @Test
    void onlyDeclarationKnowsPdfBoxAndBouncyCastle() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.conformity.declaration..")
                .and()
                .doNotHaveFullyQualifiedName("io.conformity.evidence.internal.analysis.PdfText")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.pdfbox..", "org.bouncycastle..")
                .because("PDF layout and signing are one module's concern; the evidence module only reads the text of"
                        + " uploaded PDFs, in one class")
                .check(MAIN);
    }

    @Test
    void onlyTheCatalogValidatesJsonSchemas() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.conformity.catalog..", "io.conformity.evidence.internal.declarations..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.networknt..")
                .because("schema validation is how the catalog reads its data, and structured declarations are the"
                        + " evidence module's one seam for it; everything else takes validated trees from them")
                .check(MAIN);
    }

    @Test
    void onlyIdentityReadsTheSecurityContext() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.conformity.identity..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.core.context.SecurityContextHolder")
                .because(
                        "who the caller is comes from IdentityApi, so Keycloak can replace local accounts in one place")
                .check(MAIN);
    }

    @Test
    void theDeclarationModuleOnlyReadsTheAssessment() {
        // The access checks (requireReader, requireMember, productOf) read who may see the assessment, nothing more.
        Set<String> reads = Set.of(
                "assessment",
                "assessments",
                "requireExists",
                "requireIssuable",
                "requirement",
                "requirements",
                "requireReader",
                "requireMember",
                "productOf");
        noClasses()
                .that()
                .resideInAPackage("io.conformity.declaration..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a method of AssessmentApi that changes an assessment",
                        call -> call.getTargetOwner().isEquivalentTo(AssessmentApi.class)
                                && !reads.contains(call.getName())))
                .because("a legal document is built from the assessment's record; moving the assessment on is the"
                        + " workflow's step")
                .check(MAIN);
    }

    @Test
    void featureModulesDoNotDependOnWorkflow() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.conformity.workflow..", "io.conformity.notification..", "io.conformity.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.conformity.workflow..")
                .because("the workflow reacts to the feature modules, never the other way round (notifications are"
                        + " not a feature module: they tell people what the workflow's timers found, and nothing"
                        + " depends on them; the pages, like the API's task endpoints, act through the workflow)")
                .check(MAIN);
    }
}
