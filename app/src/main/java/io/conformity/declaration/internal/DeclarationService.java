package io.conformity.declaration.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.catalog.Regime;
import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationView;
import io.conformity.declaration.internal.rendering.DeclarationRenderer;
import io.conformity.declaration.internal.signing.PadesSigner;
import io.conformity.declaration.internal.signing.SignatureDetails;
import io.conformity.evidence.EvidenceApi;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.UserView;
import io.conformity.problem.NotFoundException;
import io.conformity.product.CraCategory;
import io.conformity.product.ManufacturerView;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ReleaseDetails;
import io.conformity.storage.BlobCorruptedException;
import io.conformity.storage.BlobStore;
import io.conformity.storage.StoredBlob;

@Service
@Transactional
class DeclarationService implements DeclarationApi {

    private static final String CRA = "CRA";

    private final DeclarationRepository declarations;
    private final AssessmentApi assessments;
    private final ProductApi products;
    private final CatalogApi catalog;
    private final EvidenceApi evidence;
    private final IdentityApi identity;
    private final BlobStore store;
    private final DeclarationRenderer renderer;
    private final PadesSigner signer;
    private final Clock clock;

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
            Clock clock) {
        this.declarations = declarations;
        this.assessments = assessments;
        this.products = products;
        this.catalog = catalog;
        this.evidence = evidence;
        this.identity = identity;
        this.store = store;
        this.renderer = renderer;
        this.signer = signer;
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
        List<DeclarationView> issued = new ArrayList<>();
        for (String code : assessment.regimes()) {
            UUID declarationId = UUID.randomUUID();
            byte[] pdf = produce(content(declarationId, assessment, catalog.regime(code)));
            StoredBlob blob = store.put(new ByteArrayInputStream(pdf), pdf.length);
            issued.add(declarations
                    .save(new Declaration(
                            declarationId, assessmentId, code, blob.sha256(), blob.size(), clock.instant()))
                    .view());
        }
        return issued;
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
        ReleaseDetails details = products.releaseDetails(assessment.releaseId());
        // The assessment's own record of what each regime brought into scope, never the catalog as it is today:
        // an edited regime file must not change the annex of a legal document.
        List<RequirementAssessmentView> rows = assessment.requirements().stream()
                .filter(r -> r.regimes().contains(regime.code()))
                .toList();
        Set<String> principles =
                rows.stream().map(RequirementAssessmentView::principle).collect(Collectors.toSet());
        UserView signatory = identity.user(assessment.approvedBy())
                .orElseThrow(
                        () -> new IllegalStateException("Signatory " + assessment.approvedBy() + " no longer exists"));
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
                standards(regime, assessment).stream()
                        .map(f -> new DeclarationContent.Standard(f.reference(), f.version(), f.dateOfIssue()))
                        .toList(),
                regime.complianceBases().stream()
                        .map(b -> new DeclarationContent.ComplianceBasis(b.requirement(), b.route()))
                        .toList(),
                signatory.displayName(),
                signatory.function() == null ? "" : signatory.function(),
                assessment.placeOfIssue(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
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
                                e.requirementId(), e.fileName(), e.sha256(), e.size()))
                        .toList(),
                CRA.equals(regime.code()) ? craConformity(details.product(), assessment.conformityRoute()) : null);
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
    private List<Framework> standards(Regime regime, AssessmentView assessment) {
        if (!regime.standards().isEmpty() || assessment.en303645Version() == null) {
            return regime.standards();
        }
        return catalog.framework(CatalogApi.EN_303_645, assessment.en303645Version())
                .map(List::of)
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public DeclarationView declaration(UUID id) {
        return find(id).view();
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
        assessments.requireExists(assessmentId);
        return declarations.findByAssessmentIdOrderByRegime(assessmentId).stream()
                .map(Declaration::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public InputStream pdf(UUID id) {
        Declaration declaration = find(id);
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

    private Declaration find(UUID id) {
        return declarations.findById(id).orElseThrow(() -> new NotFoundException("Declaration", id));
    }
}
