package io.conformity.evidence.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.audit.Audited;
import io.conformity.evidence.AnalysisStatus;
import io.conformity.evidence.CarryOverApi;
import io.conformity.evidence.CarryOverView;
import io.conformity.evidence.EvidenceKind;
import io.conformity.evidence.EvidenceView;
import io.conformity.evidence.internal.analysis.Reading;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ProductApi;
import io.conformity.product.ReleaseDetails;

/**
 * Carries a principle's accepted evidence from the previous release's assessment into a new one. A carried item is
 * a new evidence row naming the same blob (the store is addressed by SHA-256, so nothing is copied and the blob
 * stays referenced as long as either row exists); its analysis, findings and coverage are made afresh in the new
 * assessment by the same code an upload runs, with today's analyzers, catalog and declarations.
 */
@Service
class CarryOverService implements CarryOverApi {

    private static final Set<AssessmentStatus> APPROVED = Set.of(AssessmentStatus.APPROVED, AssessmentStatus.ISSUED);

    private final EvidenceRepository evidence;
    private final EvidenceAnalysisRepository analyses;
    private final FindingStore findings;
    private final EvidenceService service;
    private final AssessmentApi assessments;
    private final ProductApi products;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CarryOverService(
            EvidenceRepository evidence,
            EvidenceAnalysisRepository analyses,
            FindingStore findings,
            EvidenceService service,
            AssessmentApi assessments,
            ProductApi products,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Clock clock) {
        this.evidence = evidence;
        this.analyses = analyses;
        this.findings = findings;
        this.service = service;
        this.assessments = assessments;
        this.products = products;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CarryOverView offer(UUID assessmentId) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return transactions.execute(tx -> {
            AssessmentView now = assessments.assessment(assessmentId);
            Optional<AssessmentView> previous = previous(now);
            if (previous.isEmpty()) {
                return new CarryOverView(assessmentId, null, List.of());
            }
            List<CarryOverView.PrincipleOffer> offers = principles(now).stream()
                    .map(p -> consider(now, previous.get(), p).offer())
                    .toList();
            return new CarryOverView(assessmentId, previousView(previous.get()), offers);
        });
    }

    @Override
    public List<EvidenceView> carry(UUID assessmentId, String principle, String carriedBy) {
        assessments.requireMember(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        if (assessments.requirements(assessmentId, principle).isEmpty()) {
            throw new NotFoundException("Principle", principle);
        }
        Carried carried = transactions.execute(tx -> {
            // The lock an upload and a submission take: carried evidence lands before a submission or not at all.
            assessments.lock(assessmentId);
            AssessmentView now = assessments.assessment(assessmentId);
            AssessmentView previous = previous(now)
                    .orElseThrow(() -> refused(
                            "No earlier release of the product has an approved assessment under the same regimes;"
                                    + " there is nothing to carry over. Collect evidence for principle " + principle
                                    + ".",
                            "no-previous-assessment",
                            null));
            Consideration c = consider(now, previous, principle);
            c.refuse();
            return store(now, previous, principle, c, carriedBy);
        });
        if (carried.contextChanged() != null) {
            // As after an upload: what tool outputs are checked against changed (a declaration or an SBOM arrived).
            service.reanalyseOthers(assessmentId, carried.contextChanged());
        }
        return carried.ids().stream().map(service::evidence).toList();
    }

    private record Carried(List<UUID> ids, UUID contextChanged) {}

    private Carried store(
            AssessmentView now, AssessmentView previous, String principle, Consideration c, String carriedBy) {
        ReleaseDetails release = products.releaseDetails(previous.releaseId());
        Map<String, RequirementAssessmentView> targets = new HashMap<>();
        c.nowRows().forEach(r -> targets.put(key(r), r));
        // Declarations first: the files read next are checked against what they declare.
        List<Evidence> ordered = new ArrayList<>(c.items());
        ordered.sort(Comparator.comparing((Evidence e) -> e.kind() == EvidenceKind.DECLARATION ? 0 : 1));
        List<Evidence> saved = new ArrayList<>();
        for (Evidence item : ordered) {
            RequirementAssessmentView target = targets.get(key(c.beforeRows().get(item.requirementAssessmentId())));
            saved.add(evidence.saveAndFlush(item.carriedTo(
                    new Evidence.Target(now.id(), target.id(), target.principle(), target.requirementId()),
                    carriedBy,
                    clock.instant(),
                    release.release().id(),
                    release.release().firmwareVersion())));
        }
        UUID contextChanged = null;
        List<Map<String, Object>> trail = new ArrayList<>();
        for (Evidence e : saved) {
            Reading reading = service.readAgain(e, service.context(now.id()));
            if (reading.status() == AnalysisStatus.REJECTED) {
                throw new ProblemException(
                        ProblemType.EVIDENCE_REJECTED,
                        "The carried file " + e.fileName() + " is read today as " + reading.analyzer()
                                + " output and refused at " + reading.location() + ": " + reading.summary()
                                + " Nothing was carried; upload the evidence anew.",
                        Map.of("analyzer", reading.analyzer(), "location", reading.location()));
            }
            service.writeAnalysis(e, reading);
            if (e.kind() == EvidenceKind.DECLARATION) {
                service.supersedeEarlier(e);
                if (EvidenceService.INTERFACES.equals(e.declarationKind())
                        || EvidenceService.SUPPORT_PERIOD.equals(e.declarationKind())) {
                    contextChanged = contextChanged == null ? e.id() : contextChanged;
                }
            } else if (reading.status() == AnalysisStatus.ANALYZED
                    && !reading.components().isEmpty()) {
                contextChanged = contextChanged == null ? e.id() : contextChanged;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("evidenceId", e.id());
            line.put("carriedFromEvidenceId", e.carriedFrom().evidenceId());
            line.put("requirement", e.requirementId());
            line.put("fileName", e.fileName());
            line.put("sha256", e.sha256());
            line.put("analyzer", reading.analyzer());
            line.put("analysis", reading.status());
            line.put("findings", reading.findingsTotal());
            trail.add(line);
        }
        // What the engineer stated last time for a requirement without evidence holds too: restated by the carrier,
        // where nothing was stated in this assessment yet.
        List<String> restated = new ArrayList<>();
        for (RequirementAssessmentView before : c.stated()) {
            RequirementAssessmentView target = targets.get(key(before));
            if (target != null && target.noEvidenceStatement() == null) {
                assessments.stateNoEvidence(target.id(), before.noEvidenceStatement(), carriedBy);
                restated.add(label(target));
            }
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("principle", principle);
        change.put("statements", restated);
        change.put("previousAssessmentId", previous.id());
        change.put("previousReleaseId", previous.releaseId());
        change.put("evidence", trail);
        events.publishEvent(
                Audited.of("evidence.carried", "assessment", now.id().toString(), change));
        return new Carried(saved.stream().map(Evidence::id).toList(), contextChanged);
    }

    /**
     * The previous assessment: of the same product and the same set of regimes, for another release created before
     * this one, approved; of several, the last approved. Assessments of other products never count.
     */
    private Optional<AssessmentView> previous(AssessmentView now) {
        ReleaseDetails details = products.releaseDetails(now.releaseId());
        Set<String> regimes = Set.copyOf(now.regimes());
        Map<UUID, ReleaseDetails> releases = new HashMap<>();
        return assessments.assessments(details.product().id(), null, Pageable.unpaged()).stream()
                .filter(a -> APPROVED.contains(a.status()) && a.approvedAt() != null)
                .filter(a -> !a.releaseId().equals(now.releaseId()))
                .filter(a -> Set.copyOf(a.regimes()).equals(regimes))
                .filter(a -> releases.computeIfAbsent(a.releaseId(), products::releaseDetails)
                        .release()
                        .createdAt()
                        .isBefore(details.release().createdAt()))
                .max(Comparator.comparing(AssessmentView::approvedAt));
    }

    private CarryOverView.Previous previousView(AssessmentView previous) {
        return new CarryOverView.Previous(
                previous.id(),
                previous.releaseId(),
                products.releaseDetails(previous.releaseId()).release().firmwareVersion(),
                previous.regimes(),
                previous.status(),
                previous.approvedBy(),
                previous.approvedAt());
    }

    /** The principles of the assessment with applicable requirements, in the order of its requirements. */
    private static List<String> principles(AssessmentView now) {
        Set<String> principles = new LinkedHashSet<>();
        now.requirements().stream()
                .filter(RequirementAssessmentView::applicable)
                .forEach(r -> principles.add(r.principle()));
        return List.copyOf(principles);
    }

    /** What can be said of carrying one principle: the same answer for the offer and for the carry-over itself. */
    private Consideration consider(AssessmentView now, AssessmentView previous, String principle) {
        List<RequirementAssessmentView> nowRows = applicable(now, principle);
        Map<UUID, RequirementAssessmentView> beforeRows = new LinkedHashMap<>();
        previous.requirements().stream()
                .filter(r -> r.principle().equals(principle))
                .forEach(r -> beforeRows.put(r.id(), r));
        List<RequirementAssessmentView> beforeApplicable = applicable(previous, principle);
        Set<String> before = new LinkedHashSet<>();
        beforeApplicable.forEach(r -> before.add(key(r)));
        Set<String> current = new LinkedHashSet<>();
        nowRows.forEach(r -> current.add(key(r)));
        List<String> onlyBefore = beforeApplicable.stream()
                .filter(r -> !current.contains(key(r)))
                .map(CarryOverService::label)
                .toList();
        List<String> onlyNow = nowRows.stream()
                .filter(r -> !before.contains(key(r)))
                .map(CarryOverService::label)
                .toList();
        List<Evidence> items = accepted(previous.id(), principle, beforeRows);
        List<RequirementAssessmentView> stated = beforeApplicable.stream()
                .filter(r -> r.noEvidenceStatement() != null)
                .toList();
        boolean carried =
                evidence.existsByAssessmentIdAndPrincipleAndCarriedFromEvidenceIdIsNotNull(now.id(), principle);
        List<RequirementAssessmentView> closed =
                nowRows.stream().filter(r -> !r.inCollection()).toList();
        String reason = null;
        String code = null;
        if (carried) {
            code = "already-carried";
            reason = "The evidence of principle " + principle + " was carried over already.";
        } else if (!closed.isEmpty()) {
            code = "closed";
            reason = "Principle " + principle + " is not open for evidence (" + label(closed.get(0)) + " is "
                    + closed.get(0).status() + "); evidence can be carried only while it is.";
        } else if (items.isEmpty()
                && stated.stream()
                        .noneMatch(r -> nowRows.stream()
                                .anyMatch(n -> key(n).equals(key(r)) && n.noEvidenceStatement() == null))) {
            code = "nothing-to-carry";
            reason = "The previous assessment has no evidence and no statement for principle " + principle + ".";
        } else if (!onlyBefore.isEmpty() || !onlyNow.isEmpty()) {
            code = "requirements-differ";
            reason = "The applicable requirements of principle " + principle + " differ from the previous"
                    + " assessment's"
                    + (onlyBefore.isEmpty() ? "" : "; no longer applicable: " + String.join(", ", onlyBefore))
                    + (onlyNow.isEmpty() ? "" : "; applicable now only: " + String.join(", ", onlyNow))
                    + ". Collect its evidence anew.";
        }
        Map<UUID, String> analyzers = new HashMap<>();
        analyses.findByEvidenceIdIn(items.stream().map(Evidence::id).toList())
                .forEach(a -> analyzers.put(a.evidenceId(), a.analyzer()));
        List<CarryOverView.OfferedEvidence> offered = items.stream()
                .map(e -> new CarryOverView.OfferedEvidence(
                        e.id(),
                        e.fileName(),
                        e.kind(),
                        e.declarationKind(),
                        e.sha256(),
                        e.size(),
                        e.uploadedBy(),
                        e.uploadedAt(),
                        e.carriedFrom(),
                        analyzers.get(e.id()),
                        covered(e, previous)))
                .toList();
        return new Consideration(
                new CarryOverView.PrincipleOffer(
                        principle,
                        reason == null,
                        carried,
                        reason,
                        onlyBefore,
                        onlyNow,
                        offered,
                        stated.stream()
                                .map(r -> new CarryOverView.OfferedStatement(
                                        label(r), r.noEvidenceStatement(), r.noEvidenceBy(), r.noEvidenceAt()))
                                .toList()),
                code,
                items,
                stated,
                nowRows,
                beforeRows);
    }

    private record Consideration(
            CarryOverView.PrincipleOffer offer,
            String code,
            List<Evidence> items,
            List<RequirementAssessmentView> stated,
            List<RequirementAssessmentView> nowRows,
            Map<UUID, RequirementAssessmentView> beforeRows) {

        void refuse() {
            if (code == null) {
                return;
            }
            if (code.equals("closed")) {
                throw new ProblemException(ProblemType.EVIDENCE_CLOSED, offer.reason() + " Nothing was carried.");
            }
            throw refused(offer.reason() + " Nothing was carried.", code, offer);
        }
    }

    private static ProblemException refused(String detail, String reason, CarryOverView.PrincipleOffer offer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("reason", reason);
        if (offer != null && (!offer.onlyBefore().isEmpty() || !offer.onlyNow().isEmpty())) {
            properties.put("onlyBefore", offer.onlyBefore());
            properties.put("onlyNow", offer.onlyNow());
        }
        return new ProblemException(ProblemType.CARRY_OVER_REFUSED, detail, properties);
    }

    /**
     * The previous assessment's evidence of the principle, as approved: every file uploaded for one of its
     * requirements, and of each kind of declaration only the latest (earlier ones were superseded there).
     */
    private List<Evidence> accepted(
            UUID previousId, String principle, Map<UUID, RequirementAssessmentView> beforeRows) {
        List<Evidence> all = evidence.findByAssessmentIdAndPrincipleOrderByUploadedAt(previousId, principle);
        Map<String, Evidence> latestDeclaration = new HashMap<>();
        all.stream()
                .filter(e -> e.kind() == EvidenceKind.DECLARATION)
                .forEach(e -> latestDeclaration.put(e.declarationKind(), e));
        return all.stream()
                .filter(e -> beforeRows.containsKey(e.requirementAssessmentId())
                        && beforeRows.get(e.requirementAssessmentId()).applicable())
                .filter(e -> e.kind() != EvidenceKind.DECLARATION || latestDeclaration.get(e.declarationKind()) == e)
                .toList();
    }

    /** The requirements the item covered in the previous assessment, the one it was given for first. */
    private List<String> covered(Evidence item, AssessmentView previous) {
        Map<UUID, RequirementAssessmentView> byId = new HashMap<>();
        previous.requirements().forEach(r -> byId.put(r.id(), r));
        Set<String> labels = new LinkedHashSet<>();
        labels.add(label(byId.get(item.requirementAssessmentId())));
        findings.coverageOf(item.id()).stream()
                .map(byId::get)
                .filter(r -> r != null)
                .map(CarryOverService::label)
                .sorted()
                .forEach(labels::add);
        return List.copyOf(labels);
    }

    private static List<RequirementAssessmentView> applicable(AssessmentView assessment, String principle) {
        return assessment.requirements().stream()
                .filter(r -> r.principle().equals(principle) && r.applicable())
                .toList();
    }

    /** A requirement of one version of one framework: what must be the same before and now. */
    private static String key(RequirementAssessmentView r) {
        return r.frameworkUrn() + "|" + r.frameworkVersion() + "|" + r.requirementId();
    }

    private static String label(RequirementAssessmentView r) {
        return r.frameworkVersion() + " " + r.requirementId();
    }
}
