package io.conformity.declaration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything a declaration states, gathered from the other modules before rendering. The renderer only lays
 * this out; it decides nothing.
 *
 * @param declarationId       the register id printed on every page (verification later uses it)
 * @param assessmentId        the assessment the declaration closes
 * @param regime              regime code, e.g. {@code PSTI}
 * @param productType         Schedule 4 (a): product type (model designation and type)
 * @param modelDesignation    model designation as labelled
 * @param firmwareVersion     the release's firmware version
 * @param batch               Schedule 4 (a): batch
 * @param manufacturers       Schedule 4 (b): each manufacturer
 * @param representatives     Schedule 4 (b): each authorised representative, may be empty
 * @param supportPeriodEnd    Schedule 4 (e): end date of the defined support period
 * @param standards           Schedule 4 para 1(2): standards relied on, with number, version and date
 * @param deemedCompliance    Schedule 4 (d): the requirements met and the route taken
 * @param signatoryName       Schedule 4 (f)
 * @param signatoryFunction   Schedule 4 (f)
 * @param placeOfIssue        Schedule 4 (g)
 * @param dateOfIssue         Schedule 4 (g)
 * @param requirements        annex: one line per requirement assessment
 * @param evidence            annex: one line per evidence file
 * @param craConformity       CRA Annex V pts 6 and 7: category, procedure, notified body and certificate, standards
 *                            applied; null unless the declaration is the CRA one
 * @param supportPeriodEndAtFirstSupply PSTI Schedule 4 (e): the end of the defined support period as it stood when
 *                            the product was first supplied ({@code supportPeriodEnd} is the end as it is now)
 * @param auditHead           the audit trail's head when the declaration was issued: a copy of it outside the
 *                            database, signed with the declaration, that verification checks the trail against
 */
public record DeclarationContent(
        UUID declarationId,
        UUID assessmentId,
        String regime,
        String productType,
        String modelDesignation,
        String firmwareVersion,
        String batch,
        List<Party> manufacturers,
        List<Party> representatives,
        LocalDate supportPeriodEnd,
        List<Standard> standards,
        List<ComplianceBasis> deemedCompliance,
        String signatoryName,
        String signatoryFunction,
        String placeOfIssue,
        LocalDate dateOfIssue,
        List<RequirementLine> requirements,
        List<EvidenceLine> evidence,
        CraConformity craConformity,
        LocalDate supportPeriodEndAtFirstSupply,
        AuditHead auditHead) {

    public DeclarationContent {
        manufacturers = List.copyOf(manufacturers);
        representatives = List.copyOf(representatives);
        standards = List.copyOf(standards);
        deemedCompliance = List.copyOf(deemedCompliance);
        requirements = List.copyOf(requirements);
        evidence = List.copyOf(evidence);
    }

    /** The last audit entry committed before the declaration was issued: its sequence and hash. */
    public record AuditHead(long sequence, String hash) {}

    /** A manufacturer or authorised representative: name and postal address. */
    public record Party(String name, String address) {}

    /** A standard relied on, e.g. number {@code ETSI EN 303 645}, version {@code V2.1.1}, date {@code 2020-06}. */
    public record Standard(String number, String version, String dateOfIssue) {
        public String citation() {
            return number + " " + version + " (" + dateOfIssue + ")";
        }
    }

    /** One Schedule 1 requirement and how it is met, e.g. "Para 1 Passwords" via "EN 303 645 5.1-1, 5.1-2". */
    public record ComplianceBasis(String requirement, String route) {}

    /** Annex row: a requirement with its principle, verdict and justification (may be blank). */
    public record RequirementLine(
            String principle,
            String framework,
            String requirementId,
            String title,
            String verdict,
            String justification) {}

    /**
     * Annex row: an evidence file with its SHA-256, size and the requirement it supports.
     *
     * @param carriedFrom for evidence carried over unchanged from an earlier release's assessment, that release's
     *                    firmware version; else null
     */
    public record EvidenceLine(String requirementId, String fileName, String sha256, long size, String carriedFrom) {

        public EvidenceLine(String requirementId, String fileName, String sha256, long size) {
            this(requirementId, fileName, sha256, size, null);
        }
    }

    /**
     * What an EU declaration of conformity under the Cyber Resilience Act states about how conformity was shown.
     *
     * @param categoryCode         {@code DEFAULT}, {@code IMPORTANT_CLASS_I}, {@code IMPORTANT_CLASS_II} or
     *                             {@code CRITICAL}
     * @param category             the category in words, e.g. "Important product with digital elements, class I
     *                             (Annex III)"
     * @param annexItem            e.g. "Annex III, class I, item 12: Routers, modems …"; null for a default product
     * @param procedure            e.g. "Internal control (module A)", "EU-type examination (module B) and
     *                             conformity to type (module C)", "Full quality assurance (module H)",
     *                             "European cybersecurity certification scheme"
     * @param notifiedBodyName     Annex V pt 7; null without a notified body
     * @param notifiedBodyNumber   the body's four-digit number; null without a notified body
     * @param certificateReference Annex V pt 7: the certificate issued; null without one
     * @param certificateDate      its date of issue; null without one
     * @param standardsApplied     Annex V pt 6: each standard, common specification or certification, cited as
     *                             "EN 18031-1:2024 (harmonised standard, applied in full)"; may be empty
     */
    public record CraConformity(
            String categoryCode,
            String category,
            String annexItem,
            String procedure,
            String notifiedBodyName,
            String notifiedBodyNumber,
            String certificateReference,
            LocalDate certificateDate,
            List<String> standardsApplied) {

        public CraConformity {
            standardsApplied = List.copyOf(standardsApplied);
        }
    }
}
