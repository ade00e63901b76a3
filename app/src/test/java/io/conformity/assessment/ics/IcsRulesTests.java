package io.conformity.assessment.ics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IcsRulesTests {

    /** A slice of V3.1.3 Table B.1 with one status of each kind. */
    private static final Map<String, String> CATALOG = new LinkedHashMap<>();

    static {
        CATALOG.put("5.0-1", "M");
        CATALOG.put("5.1-1", "M F (a)");
        CATALOG.put("5.1-5", "M C F (14, e)");
        CATALOG.put("5.2-1", "M");
        CATALOG.put("5.2-2", "R");
        CATALOG.put("5.3-14", "R C (3)");
    }

    /** A product without passwords whose software can be updated. */
    private static final Set<String> NOT_APPLICABLE = Set.of("5.1-1", "5.3-14");

    @Test
    void aCompleteJustifiedStatementHasNoProblems() {
        assertThat(IcsRules.check(statement(conforming()), CATALOG, NOT_APPLICABLE))
                .isEmpty();
    }

    @Test
    void reportsAProvisionUnknownToTheCatalog() {
        List<IcsRow> rows = conforming();
        rows.add(new IcsRow("5.99-1", "M", Support.Y, ""));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(new IcsProblem(7, "provision", "provision 5.99-1 is not in ETSI EN 303 645 V3.1.3"));
    }

    @Test
    void reportsAStatusThatDiffersFromTheCatalog() {
        List<IcsRow> rows = conforming();
        rows.set(1, new IcsRow("5.1-1", "M C (1)", Support.NA, "No passwords of any kind"));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(
                        new IcsProblem(2, "status", "status 'M C (1)' differs from the catalog's 'M F (a)' for 5.1-1"));
    }

    @Test
    void reportsMissingProvisionsInCatalogOrderWithoutARow() {
        List<IcsRow> rows = conforming();
        rows.removeIf(row -> row.provision().equals("5.2-2") || row.provision().equals("5.0-1"));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(
                        new IcsProblem(0, "provision", "provision 5.0-1 is missing"),
                        new IcsProblem(0, "provision", "provision 5.2-2 is missing"));
    }

    @Test
    void refusesNaOnAnUnconditionalProvision() {
        List<IcsRow> rows = conforming();
        rows.set(4, new IcsRow("5.2-2", "R", Support.NA, "We do not act on reports"));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(new IcsProblem(
                        5, "support", "support N/A is not allowed: 5.2-2 is R, which applies to every product"));
    }

    @Test
    void refusesNaWhereTheConditionOrFeatureHolds() {
        List<IcsRow> rows = conforming();
        rows.set(2, new IcsRow("5.1-5", "M C F (14, e)", Support.NA, "Not needed"));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(new IcsProblem(
                        3,
                        "support",
                        "support N/A is not allowed: the condition or feature of 5.1-5 "
                                + "(M C F (14, e)) holds for this product"));
    }

    @Test
    void judgesNaByTheCatalogStatusNotTheStatementsOwn() {
        List<IcsRow> rows = conforming();
        rows.set(3, new IcsRow("5.2-1", "M C (1)", Support.NA, "No disclosure policy needed"));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(
                        new IcsProblem(4, "status", "status 'M C (1)' differs from the catalog's 'M' for 5.2-1"),
                        new IcsProblem(
                                4,
                                "support",
                                "support N/A is not allowed: 5.2-1 is M, which applies to every product"));
    }

    @Test
    void requiresAJustificationForEveryNAndNaButNotForY() {
        List<IcsRow> rows = conforming();
        rows.set(1, new IcsRow("5.1-1", "M F (a)", Support.NA, ""));
        rows.set(4, new IcsRow("5.2-2", "R", Support.N, "  \n"));
        rows.set(3, new IcsRow("5.2-1", "M", Support.N, null));

        assertThat(IcsRules.check(statement(rows), CATALOG, NOT_APPLICABLE))
                .containsExactly(
                        new IcsProblem(2, "detail", "a justification is required (provision 5.0-1 / 4-1)"),
                        new IcsProblem(4, "detail", "a justification is required (provision 5.0-1 / 4-1)"),
                        new IcsProblem(5, "detail", "a justification is required (provision 5.0-1 / 4-1)"));
    }

    @Test
    void reportsEveryProblemAtOnceNumberedAsTheSpreadsheetWhenReadFromCsv() {
        List<IcsRow> rows = conforming();
        rows.set(0, new IcsRow("5.0-1", "R", Support.Y, ""));
        rows.set(4, new IcsRow("5.2-2", "R", Support.NA, ""));
        rows.remove(5);
        rows.add(new IcsRow("4-1", "M", Support.Y, ""));
        IcsStatement fromCsv = IcsCodec.fromCsv(IcsCodec.toCsv(statement(rows)), "ETSI EN 303 645", "V3.1.3");

        assertThat(IcsRules.check(fromCsv, CATALOG, NOT_APPLICABLE, 2))
                .containsExactly(
                        new IcsProblem(2, "status", "status 'R' differs from the catalog's 'M' for 5.0-1"),
                        new IcsProblem(
                                6, "support", "support N/A is not allowed: 5.2-2 is R, which applies to every product"),
                        new IcsProblem(6, "detail", "a justification is required (provision 5.0-1 / 4-1)"),
                        new IcsProblem(7, "provision", "provision 4-1 is not in ETSI EN 303 645 V3.1.3"),
                        new IcsProblem(0, "provision", "provision 5.3-14 is missing"));
    }

    private static List<IcsRow> conforming() {
        return new ArrayList<>(List.of(
                new IcsRow("5.0-1", "M", Support.Y, "Every N and N/A below is justified"),
                new IcsRow("5.1-1", "M F (a)", Support.NA, "The device uses no passwords"),
                new IcsRow("5.1-5", "M C F (14, e)", Support.Y, "Exponential back-off after 5 failures"),
                new IcsRow("5.2-1", "M", Support.Y, "https://example.com/.well-known/security.txt"),
                new IcsRow("5.2-2", "R", Support.N, "Handled by the parent company's PSIRT, out of scope"),
                new IcsRow("5.3-14", "R C (3)", Support.NA, "All software components are updatable")));
    }

    private static IcsStatement statement(List<IcsRow> rows) {
        return new IcsStatement("ETSI EN 303 645", "V3.1.3", rows);
    }
}
