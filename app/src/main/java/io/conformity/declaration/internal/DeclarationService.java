package io.conformity.declaration.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.RegimeStatement;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.audit.AuditApi;
import io.conformity.audit.Audited;
import io.conformity.audit.ChainHead;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.catalog.Regime;
import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.declaration.RegisterEntry;
import io.conformity.declaration.VerificationReport;
import io.conformity.declaration.WithdrawCommand;
import io.conformity.declaration.internal.rendering.DeclarationRenderer;
import io.conformity.declaration.internal.signing.PadesSigner;
import io.conformity.declaration.internal.signing.SignatureDetails;
import io.conformity.evidence.EvidenceApi;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.CraCategory;
import io.conformity.product.ManufacturerView;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ReleaseDetails;
import io.conformity.storage.BlobCorruptedException;
import io.conformity.storage.BlobReferences;
import io.conformity.storage.BlobStore;
import io.conformity.storage.StoredBlob;

@Service
@Validated
@Transactional
class DeclarationService implements DeclarationApi {

    private static final String CRA = "CRA";
    private static final Logger log = LoggerFactory.getLogger(DeclarationService.class);

    private final DeclarationRepository declarations;
    private final AssessmentApi assessments;
    private final ProductApi products;
    private final CatalogApi catalog;
    private final EvidenceApi evidence;
    private final IdentityApi identity;
    private final BlobStore store;
    private final DeclarationRenderer renderer;
    private final PadesSigner signer;
    private final DeclarationVerification verification;
    private final RegisterLinks links;
    private final SupersessionRule supersession;
    private final ObjectProvider<BlobReferences> references;
    private final Clock clock;
    private final AuditApi audit;
    private final ApplicationEventPublisher events;
    private final DeclarationPreviews previews;

    DeclarationService(
            DeclarationRepository declarations,
            AssessmentApi assessments,
            ProductApi products,
            CatalogApi catalog,
            EvidenceApi evidence,
            IdentityApi identity,
            BlobStore store,
            DeclarationRenderer renderer,
            PadesSigner signer,
            DeclarationVerification verification,
            RegisterLinks links,
            SupersessionRule supersession,
            ObjectProvider<BlobReferences> references,
            Clock clock,
            AuditApi audit,
            ApplicationEventPublisher events,
            DeclarationPreviews previews) {
        this.previews = previews;
        this.audit = audit;
        this.events = events;
        this.declarations = declarations;
        this.assessments = assessments;
        this.products = products;
        this.catalog = catalog;
        this.evidence = evidence;
        this.identity = identity;
        this.store = store;
        this.renderer = renderer;
        this.signer = signer;
        this.verification = verification;
        this.links = links;
        this.supersession = supersession;
        this.references = references;
        this.clock = clock;
    }

    @Override
    public List<DeclarationView> issue(UUID assessmentId) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        if (assessment.status() != AssessmentStatus.APPROVED) {
            // Only Task_IssueDeclaration calls this, after approval: anything else is a defect.
            throw new IllegalStateException("Assessment " + assessmentId + " is " + assessment.status()
                    + "; only an approved assessment " + "can be issued.");
        }
        // Statements of one release are issued one at a time: a second job waits here, then sees the first's.
        products.lockRelease(assessment.releaseId());
        if (declarations.findByAssessmentIdOrderByRegime(assessmentId).isEmpty()) {
            // The job may run long after the approval: another statement of the release may have been issued since,
            // or the product reclassified, or its support period ended. Each fails the job into a visible incident.
            supersession.requireStated(assessment.releaseId(), assessment.regimes(), assessment.supersedes());
            assessments.requireIssuable(assessmentId);
        }
        ReleaseDetails details = products.releaseDetails(assessment.releaseId());
        Instant issuedAt = clock.instant();
        List<Declaration> issued = new ArrayList<>();
        for (String code : assessment.regimes()) {
            Optional<Declaration> earlier = declarations.findByAssessmentIdAndRegime(assessmentId, code);
            if (earlier.isPresent()) {
                // A retried job after a run that committed: the register already has it, the file with it.
                issued.add(earlier.get());
                continue;
            }
            UUID declarationId = UUID.randomUUID();
            byte[] pdf = produce(content(declarationId, assessment, details, catalog.regime(code), issuedAt));
            StoredBlob blob = keep(pdf);
            issued.add(declarations.save(new Declaration(
                    declarationId, assessmentId, code, subject(details), blob.sha256(), blob.size(), issuedAt)));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("declarationId", declarationId);
            change.put("regime", code);
            change.put("sha256", blob.sha256());
            change.put("size", blob.size());
            audit("declaration.issued", assessmentId, change);
        }
        supersede(assessment, issued, issuedAt);
        return issued.stream().map(Declaration::view).toList();
    }

    /**
     * Stores the file and, should the issuing transaction roll back (a later regime fails, the register or the
     * engine cannot commit), releases it again: a retried job renders anew, and no unregistered file stays behind.
     */
    private StoredBlob keep(byte[] pdf) {
        StoredBlob blob = store.put(new ByteArrayInputStream(pdf), pdf.length);
        if (blob.newlyStored() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        release(blob.sha256());
                    }
                }
            });
        }
        return blob;
    }

    private void release(String sha256) {
        try {
            store.release(sha256, references.orderedStream().toList());
        } catch (RuntimeException e) {
            // An orphan file is harmless (verification reports only missing or damaged files); hiding the cause
            // of the rollback behind this one would not be.
            log.warn("Could not release declaration file {}", sha256, e);
        }
    }

    /** The statements the assessment named at opening, now replaced by its declaration of the same regime. */
    private void supersede(AssessmentView assessment, List<Declaration> issued, Instant at) {
        Map<String, UUID> byRegime = new HashMap<>();
        issued.forEach(d -> byRegime.put(d.regime(), d.id()));
        for (UUID id : assessment.supersedes()) {
            // Locked as a withdrawal locks it: a withdrawal committed meanwhile is seen, never overwritten.
            declarations.findForUpdate(id).ifPresent(earlier -> {
                UUID successor = byRegime.get(earlier.regime());
                // Withdrawn since the assessment was opened: withdrawal is final and stays what the register says.
                if (successor != null && earlier.status() == DeclarationStatus.ISSUED) {
                    earlier.supersede(successor, at);
                    audit(
                            "declaration.superseded",
                            earlier.assessmentId(),
                            Map.of("declarationId", earlier.id(), "supersededBy", successor));
                }
            });
        }
    }

    private static Declaration.Subject subject(ReleaseDetails details) {
        return new Declaration.Subject(
                details.product().id(),
                details.release().id(),
                details.manufacturer().name(),
                details.product().productType(),
                details.product().modelDesignation(),
                details.release().firmwareVersion(),
                details.release().batch(),
                details.product().supportPeriodEnd());
    }

    @Override
    @Transactional(readOnly = true)
    public void requireSupersessionStated(UUID assessmentId) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        supersession.requireStated(assessment.releaseId(), assessment.regimes(), assessment.supersedes());
    }

    /** The signed file: rendered from the content, then signed by the manufacturer's key as the last step. */
    private byte[] produce(DeclarationContent content) {
        byte[] rendered = renderer.render(content);
        return signer.sign(
                rendered,
                new SignatureDetails(
                        content.signatoryName(),
                        content.signatoryFunction(),
                        content.manufacturers().get(0).name(),
                        content.placeOfIssue(),
                        clock.instant()));
    }

    /**
     * What one regime's declaration states. Its annex keeps to that regime's requirements and to the evidence of
     * their principles (evidence serves every framework's requirement of its cross-walk topic).
     */
    DeclarationContent content(UUID declarationId, AssessmentView assessment, Regime regime) {
        return content(
                declarationId, assessment, products.releaseDetails(assessment.releaseId()), regime, clock.instant());
    }

    private DeclarationContent content(
            UUID declarationId, AssessmentView assessment, ReleaseDetails details, Regime regime, Instant issuedAt) {
        UserView signatory = identity.user(assessment.approvedBy())
                .orElseThrow(
                        () -> new IllegalStateException("Signatory " + assessment.approvedBy() + " no longer exists"));
        return content(declarationId, assessment, details, regime, issuedAt, signatory, assessment.placeOfIssue());
    }

    private DeclarationContent content(
            UUID declarationId,
            AssessmentView assessment,
            ReleaseDetails details,
            Regime regime,
            Instant issuedAt,
            UserView signatory,
            String placeOfIssue) {
        // The assessment's own record of what each regime brought into scope, never the catalog as it is today:
        // an edited regime file must not change the annex of a legal document.
        List<RequirementAssessmentView> rows = assessment.requirements().stream()
                .filter(r -> r.regimes().contains(regime.code()))
                .toList();
        Set<String> principles =
                rows.stream().map(RequirementAssessmentView::principle).collect(Collectors.toSet());
        RegimeStatement statement = statement(assessment, regime);
        ManufacturerView manufacturer = details.manufacturer();
        Map<String, String> frameworkNames = catalog.frameworks().stream()
                .collect(
                        Collectors.toMap(f -> f.urn() + ":" + f.version(), DeclarationService::shortName, (a, b) -> a));
        return new DeclarationContent(
                declarationId,
                assessment.id(),
                regime.code(),
                details.product().productType(),
                details.product().modelDesignation(),
                details.release().firmwareVersion(),
                details.release().batch(),
                List.of(new DeclarationContent.Party(manufacturer.name(), manufacturer.address())),
                manufacturer.authorisedRepresentatives().stream()
                        .map(p -> new DeclarationContent.Party(p.name(), p.address()))
                        .toList(),
                details.product().supportPeriodEnd(),
                standards(statement, assessment),
                statement.complianceBases().stream()
                        .map(b -> new DeclarationContent.ComplianceBasis(b.requirement(), b.route()))
                        .toList(),
                signatory.displayName(),
                signatory.function() == null ? "" : signatory.function(),
                placeOfIssue,
                LocalDate.ofInstant(issuedAt, ZoneOffset.UTC),
                rows.stream()
                        .map(r -> new DeclarationContent.RequirementLine(
                                r.principle(),
                                frameworkNames.getOrDefault(
                                        r.frameworkUrn() + ":" + r.frameworkVersion(), r.frameworkUrn()),
                                r.requirementId(),
                                r.title(),
                                !r.applicable()
                                        ? "N/A"
                                        : r.verdict() == null ? "" : r.verdict().name(),
                                annexNote(r)))
                        .toList(),
                evidence.ofAssessment(assessment.id(), null, null).stream()
                        .filter(e -> principles.contains(e.principle()))
                        .map(e -> new DeclarationContent.EvidenceLine(
                                e.requirementId(),
                                e.fileName(),
                                e.sha256(),
                                e.size(),
                                e.carriedFrom() == null ? null : e.carriedFrom().firmwareVersion()))
                        .toList(),
                CRA.equals(regime.code()) ? craConformity(details.product(), assessment.conformityRoute()) : null,
                details.product().supportPeriodEndAtFirstSupply(),
                auditHead());
    }

    /**
     * The audit trail's head as committed before this transaction: every entry up to it is then sealed by the
     * declaration's signature too. This issue's own entries follow it.
     */
    private DeclarationContent.AuditHead auditHead() {
        ChainHead head = audit.head();
        return new DeclarationContent.AuditHead(head.sequence(), head.hash());
    }

    /** Annex V pts 6 and 7 from the product's CRA category and the route the approval accepted. */
    static DeclarationContent.CraConformity craConformity(ProductView product, ConformityRoute route) {
        if (route == null) {
            // The approval refuses a CRA assessment without a route; issuing one anyway would be a defect.
            throw new IllegalStateException("CRA declaration for " + product.id() + " without a conformity route");
        }
        CraCategory category = product.craCategory();
        return new DeclarationContent.CraConformity(
                category.name(),
                category.wording(),
                category.listed() && product.craAnnexItem() != null
                        ? category.annex() + ", " + product.craAnnexItem().citation()
                        : null,
                route.procedure().wording(),
                route.notifiedBody() == null ? null : route.notifiedBody().name(),
                route.notifiedBody() == null ? null : route.notifiedBody().number(),
                route.certificate() == null ? null : route.certificate().reference(),
                route.certificate() == null ? null : route.certificate().date(),
                route.standardsApplied().stream()
                        .map(ConformityRoute.AppliedStandard::citation)
                        .toList());
    }

    /** The officer's justification, and the engineer's statement where a requirement was submitted without evidence. */
    private static String annexNote(RequirementAssessmentView r) {
        String justification = r.justification() == null ? "" : r.justification();
        if (r.scopeOverridden()) {
            // The officer's scope decision comes first; out of scope, it is the row's justification already.
            String override = "Scope: " + (r.applicable() ? "applicable" : "not applicable")
                    + ", overriding the product profile (" + r.scopeOverriddenBy() + "): " + r.scopeJustification();
            justification = !r.applicable() || justification.isEmpty() ? override : override + " — " + justification;
        }
        if (r.noEvidenceStatement() == null) {
            return justification;
        }
        String statement = "No evidence (" + r.noEvidenceBy() + "): " + r.noEvidenceStatement();
        return justification.isEmpty() ? statement : justification + " — " + statement;
    }

    /** "ETSI EN 303 645 V3.1.3"; a reference that already carries its version is not repeated. */
    private static String shortName(Framework framework) {
        return framework.reference().contains(framework.version())
                ? framework.reference()
                : framework.reference() + " " + framework.version();
    }

    /**
     * The regime's own standards (PSTI names EN 303 645 V2.1.1 by law); a regime without any (EN303645, CRA) cites
     * the EN 303 645 version chosen for the assessment, if one was.
     */
    private List<DeclarationContent.Standard> standards(RegimeStatement statement, AssessmentView assessment) {
        if (!statement.standards().isEmpty() || assessment.en303645Version() == null) {
            return statement.standards().stream()
                    .map(s -> new DeclarationContent.Standard(s.number(), s.version(), s.dateOfIssue()))
                    .toList();
        }
        // A framework version's metadata never changes once loaded (fingerprinted), so reading it now is safe.
        return catalog.framework(CatalogApi.EN_303_645, assessment.en303645Version())
                .map(f -> List.of(new DeclarationContent.Standard(f.reference(), f.version(), f.dateOfIssue())))
                .orElse(List.of());
    }

    /**
     * The regime's statement as recorded when the assessment was opened; the regime as loaded now only for an
     * assessment opened before statements were recorded.
     */
    private static RegimeStatement statement(AssessmentView assessment, Regime regime) {
        RegimeStatement recorded = assessment.statements().get(regime.code());
        if (recorded != null) {
            return recorded;
        }
        return new RegimeStatement(
                regime.standards().stream()
                        .map(f -> new RegimeStatement.Standard(f.reference(), f.version(), f.dateOfIssue()))
                        .toList(),
                regime.complianceBases().stream()
                        .map(b -> new RegimeStatement.Basis(b.requirement(), b.route()))
                        .toList());
    }

    @Override
    @Transactional(readOnly = true)
    public DeclarationView declaration(UUID id) {
        return findReadable(id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public DeclarationView ofAssessment(UUID assessmentId) {
        String regime = assessments.assessment(assessmentId).declarationRegime();
        return declarations
                .findByAssessmentIdAndRegime(assessmentId, regime)
                .map(Declaration::view)
                .orElseThrow(() -> new NotFoundException("Declaration", "of assessment " + assessmentId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeclarationView> allOfAssessment(UUID assessmentId) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return declarations.findByAssessmentIdOrderByRegime(assessmentId).stream()
                .map(Declaration::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public InputStream pdf(UUID id) {
        Declaration declaration = findReadable(id);
        DeclarationView view = declaration.view();
        try {
            // Checked while it streams: a damaged or truncated file ends the download with an error, never short.
            return store.open(view.sha256(), view.size())
                    .orElseThrow(() -> new IllegalStateException(
                            "Declaration file " + view.sha256() + " is missing from the store"));
        } catch (BlobCorruptedException damaged) {
            throw new IllegalStateException("Declaration " + id + " is damaged in the store", damaged);
        }
    }

    @Override
    public DeclarationView withdraw(UUID id, WithdrawCommand command, String by) {
        // The assessment id alone: a copy of the declaration read before its lock would be read stale after it.
        assessments.requireMember(
                declarations.findAssessmentIdById(id).orElseThrow(() -> new NotFoundException("Declaration", id)),
                () -> new NotFoundException("Declaration", id));
        Declaration declaration =
                declarations.findForUpdate(id).orElseThrow(() -> new NotFoundException("Declaration", id));
        declaration.withdraw(command.reason().strip(), by, clock.instant());
        audit(
                "declaration.withdrawn",
                declaration.assessmentId(),
                Map.of("declarationId", id, "reason", command.reason().strip(), "withdrawnBy", by));
        return declaration.view();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<DeclarationView> register(RegisterFilter filter, Pageable pageable) {
        Specification<Declaration> where = Specification.<Declaration>unrestricted()
                .and(containing(filter.manufacturer(), "manufacturer"))
                .and(containing(filter.model(), "modelDesignation"));
        if (filter.status() != null) {
            where = where.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.regime() != null) {
            String regime = filter.regime().toUpperCase(Locale.ROOT);
            where = where.and((root, query, cb) -> cb.equal(root.get("regime"), regime));
        }
        return declarations.findAll(where, pageable).map(Declaration::view);
    }

    /** The property contains the text, in any case; the text's own '%' and '_' match only themselves. */
    private static Specification<Declaration> containing(String text, String property) {
        if (text == null) {
            return Specification.unrestricted();
        }
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return (root, query, cb) -> cb.like(cb.lower(root.get(property)), pattern, '\\');
    }

    @Override
    public void delete(UUID id) {
        if (identity.caller().filter(user -> !user.has(Role.ADMIN)).isPresent()) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "Only administrators delete a declaration once its retention is over.");
        }
        Declaration declaration =
                declarations.findForUpdate(id).orElseThrow(() -> new NotFoundException("Declaration", id));
        declaration.requireDeletable(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        declarations.delete(declaration);
        String sha256 = declaration.sha256();
        audit(
                "declaration.deleted",
                declaration.assessmentId(),
                Map.of("declarationId", id, "regime", declaration.regime(), "sha256", sha256));
        // Only once the entry is gone for good: a rollback must not leave an entry without its file.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                release(sha256);
            }
        });
    }

    /**
     * The declaration, when the caller may read it: every issued statement is published, so regulators and
     * administrators read any; the people who work on products read their own products' only (the same 404 as an
     * unknown id for the others).
     */
    private Declaration findReadable(UUID id) {
        Declaration declaration = find(id);
        boolean publishedReader = identity.caller()
                .map(user -> user.has(Role.REGULATOR) || user.has(Role.ADMIN))
                .orElse(true);
        if (!publishedReader) {
            assessments.requireReader(declaration.assessmentId(), () -> new NotFoundException("Declaration", id));
        }
        return declaration;
    }

    private void audit(String action, UUID assessmentId, Map<String, ?> change) {
        events.publishEvent(Audited.of(action, "assessment", assessmentId.toString(), change));
    }

    private Declaration find(UUID id) {
        return declarations.findById(id).orElseThrow(() -> new NotFoundException("Declaration", id));
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public VerificationReport verify(byte[] file) {
        return verification.verify(file);
    }

    @Override
    @Transactional(readOnly = true)
    public RegisterEntry registerEntry(UUID id) {
        DeclarationView view = find(id).view();
        return links.entry(view);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] previewPdf(UUID assessmentId, String regime, String placeOfIssue) {
        return previews.pdf(previewContent(assessmentId, regime, placeOfIssue));
    }

    @Override
    @Transactional(readOnly = true)
    public List<byte[]> previewPages(UUID assessmentId, String regime, String placeOfIssue) {
        return previews.pages(previewContent(assessmentId, regime, placeOfIssue));
    }

    /**
     * What {@link #issue} would state if the caller approved now: the same content, signed by the caller (or by
     * whoever approved already) at the place given (or the one approved).
     */
    private DeclarationContent previewContent(UUID assessmentId, String regime, String placeOfIssue) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        String code = regime == null || regime.isBlank()
                ? assessment.declarationRegime()
                : regime.strip().toUpperCase(Locale.ROOT);
        if (!assessment.regimes().contains(code)) {
            throw new NotFoundException("Declaration preview", code + " of assessment " + assessmentId);
        }
        if (CRA.equals(code) && assessment.conformityRoute() == null) {
            throw new ProblemException(
                    ProblemType.ASSESSMENT_STATE,
                    "The EU declaration of conformity names the conformity route, and none is recorded yet: the"
                            + " compliance officer records it on the assessment.");
        }
        String signer = assessment.approvedBy() != null
                ? assessment.approvedBy()
                : identity.caller()
                        .map(CurrentUser::username)
                        .orElseThrow(() -> new IllegalStateException("A preview needs a caller"));
        UserView signatory = identity.user(signer)
                .orElseThrow(() -> new IllegalStateException("Signatory " + signer + " no longer exists"));
        String place = placeOfIssue != null && !placeOfIssue.isBlank()
                ? placeOfIssue.strip()
                : assessment.placeOfIssue() == null ? "" : assessment.placeOfIssue();
        // One id per assessment and regime, so that the same content renders to the same preview.
        UUID placeholder = UUID.nameUUIDFromBytes(
                ("declaration-preview:" + assessmentId + ":" + code).getBytes(StandardCharsets.UTF_8));
        return content(
                placeholder,
                assessment,
                products.releaseDetails(assessment.releaseId()),
                catalog.regime(code),
                clock.instant(),
                signatory,
                place);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, List<DeclarationView>> allOfAssessments(Collection<UUID> assessmentIds) {
        List<UUID> ids = assessmentIds.stream().distinct().toList();
        assessments.requireReader(ids, id -> new NotFoundException("Assessment", id));
        Map<UUID, List<DeclarationView>> all = new LinkedHashMap<>();
        ids.forEach(id -> all.put(id, new ArrayList<>()));
        if (!ids.isEmpty()) {
            declarations
                    .findByAssessmentIdInOrderByRegime(ids)
                    .forEach(d -> all.get(d.assessmentId()).add(d.view()));
        }
        all.replaceAll((id, list) -> List.copyOf(list));
        return all;
    }
}
