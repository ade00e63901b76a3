package io.conformity.declaration;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;

/** Issues declarations from approved assessments and keeps the register of issued files. */
public interface DeclarationApi {

    /**
     * Renders, stores and registers the declarations of an approved assessment: one per regime in scope (the PSTI
     * Statement of Compliance, the EU Declaration of Conformity, the EN 303 645 statement), and marks the issued
     * statements the assessment named as superseded by them. Idempotent: a regime already issued for the assessment
     * is not issued again; a failure stores nothing (a file already written is released when the transaction rolls
     * back).
     */
    List<DeclarationView> issue(UUID assessmentId);

    /**
     * Refuses (409 {@code declaration-exists}) when the assessment's release has an issued statement of one of its
     * regimes that the assessment does not state it supersedes: one issued after the assessment was opened.
     */
    void requireSupersessionStated(UUID assessmentId);

    DeclarationView declaration(UUID id);

    /** The declaration of the assessment's leading regime (PSTI when in scope, else the first chosen). */
    DeclarationView ofAssessment(UUID assessmentId);

    List<DeclarationView> allOfAssessment(UUID assessmentId);

    /** The issued PDF; the caller closes the stream. */
    InputStream pdf(UUID id);

    /** The manufacturer withdraws an issued statement; 409 {@code declaration-state} when it is not ISSUED. */
    DeclarationView withdraw(UUID id, @Valid WithdrawCommand command, String by);

    /** The register, filtered in the database; each filter may be null (any). */
    Page<DeclarationView> register(RegisterFilter filter, Pageable pageable);

    /**
     * Deletes the register entry and releases its file once the retention period is over; 409
     * {@code declaration-retained} before.
     */
    void delete(UUID id);

    /**
     * @param manufacturer text in the manufacturer's name, in any case
     * @param model        text in the model designation, in any case
     */
    record RegisterFilter(String manufacturer, String model, DeclarationStatus status, String regime) {}

    /**
     * What a file says about itself and what the register says about it: signature intact and by a key registered
     * here, byte-identical to an issued file, and that declaration's status. Never throws on a bad file.
     */
    VerificationReport verify(byte[] file);

    /** The register entry of one declaration, as anyone holding its verification URL sees it. */
    RegisterEntry registerEntry(UUID id);

    /**
     * The declaration of one regime of the assessment ({@code null}: the leading one) as the caller's approval would
     * issue it today with this place of issue: rendered from the same content by the same template, but not signed,
     * stored, registered or audited. Its register id is a placeholder (the issued one is chosen at issuance), so the
     * verification link and QR code of a preview lead nowhere.
     *
     * @return the PDF file
     */
    byte[] previewPdf(UUID assessmentId, String regime, String placeOfIssue);

    /** The pages of {@link #previewPdf} as PNG images, first page first: for pages that may not embed a PDF. */
    List<byte[]> previewPages(UUID assessmentId, String regime, String placeOfIssue);

    /**
     * {@link #allOfAssessment} for several assessments in one read: every id is present (an empty list when it has no
     * declaration); refused as the single read is when the caller may not read one of them.
     */
    Map<UUID, List<DeclarationView>> allOfAssessments(Collection<UUID> assessmentIds);
}
