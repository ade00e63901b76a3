package io.conformity.assessment.ics;

import static io.conformity.assessment.ics.ProblemList.shown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the catalog: does the statement cover exactly the framework's provisions, with their
 * statuses, and is every N and N/A allowed and justified. Kept apart from {@link IcsCodec} so that a statement
 * can be read, and its syntax reported, before anyone knows which product it belongs to.
 */
public final class IcsRules {

    static final String JUSTIFICATION_REQUIRED = "a justification is required (provision 5.0-1 / 4-1)";

    private IcsRules() {}

    /**
     * Rows are numbered by their 1-based position in the statement, as {@link IcsCodec#fromJson} numbers them.
     *
     * @param catalogStatusByProvision the framework version's Table B.1 statuses; missing provisions are reported
     *            in this map's iteration order, so pass an ordered map to list them in catalog order
     * @param notApplicableProvisions the conditional or feature-dependent provisions whose condition or feature is
     *            absent for this product, i.e. the only ones that may be N/A
     */
    public static List<IcsProblem> check(
            IcsStatement statement, Map<String, String> catalogStatusByProvision, Set<String> notApplicableProvisions) {
        return check(statement, catalogStatusByProvision, notApplicableProvisions, 1);
    }

    /**
     * As {@link #check(IcsStatement, Map, Set)}, numbering the first row {@code firstRow}: pass 2 for a statement
     * read from CSV so that rows match the spreadsheet (and {@link IcsCodec#fromCsv}'s own problems).
     */
    public static List<IcsProblem> check(
            IcsStatement statement,
            Map<String, String> catalogStatusByProvision,
            Set<String> notApplicableProvisions,
            int firstRow) {
        List<IcsProblem> problems = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (int i = 0; i < statement.rows().size(); i++) {
            IcsRow row = statement.rows().get(i);
            int number = firstRow + i;
            present.add(row.provision());
            String catalogStatus = catalogStatusByProvision.get(row.provision());
            if (catalogStatus == null) {
                problems.add(new IcsProblem(
                        number,
                        "provision",
                        "provision " + shown(row.provision()) + " is not in " + statement.framework() + " "
                                + statement.version()));
            } else {
                if (!catalogStatus.equals(row.status())) {
                    problems.add(new IcsProblem(
                            number,
                            "status",
                            "status '" + shown(row.status()) + "' differs from the catalog's '" + catalogStatus
                                    + "' for " + row.provision()));
                }
                // Judged by the catalog's status: the statement's own may be the very thing that is wrong.
                if (row.support() == Support.NA) {
                    if (!IcsNotation.isConditional(catalogStatus)) {
                        problems.add(new IcsProblem(
                                number,
                                "support",
                                "support N/A is not allowed: " + row.provision() + " is " + catalogStatus
                                        + ", which applies to every product"));
                    } else if (!notApplicableProvisions.contains(row.provision())) {
                        problems.add(new IcsProblem(
                                number,
                                "support",
                                "support N/A is not allowed: the condition or " + "feature of " + row.provision() + " ("
                                        + catalogStatus + ") holds for this product"));
                    }
                }
            }
            // 5.0-1 (V2: 4-1) asks for a recorded reason for every N and N/A, recommendations included.
            if (row.support() != Support.Y && row.detail().isBlank()) {
                problems.add(new IcsProblem(number, "detail", JUSTIFICATION_REQUIRED));
            }
        }
        for (String provision : catalogStatusByProvision.keySet()) {
            if (!present.contains(provision)) {
                problems.add(new IcsProblem(0, "provision", "provision " + provision + " is missing"));
            }
        }
        return problems;
    }
}
