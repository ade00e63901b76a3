package io.conformity.evidence.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.audit.Audited;
import io.conformity.evidence.AnalysisStatus;
import io.conformity.evidence.AnalysisView;
import io.conformity.evidence.ComponentView;
import io.conformity.evidence.DeclarationKindView;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceContent;
import io.conformity.evidence.EvidenceKind;
import io.conformity.evidence.EvidenceProperties;
import io.conformity.evidence.EvidenceView;
import io.conformity.evidence.FindingView;
import io.conformity.evidence.Provision;
import io.conformity.evidence.RequirementEvidence;
import io.conformity.evidence.Severity;
import io.conformity.evidence.internal.analysis.AnalysisContext;
import io.conformity.evidence.internal.analysis.Analyzer;
import io.conformity.evidence.internal.analysis.EvidenceReader;
import io.conformity.evidence.internal.analysis.Finding;
import io.conformity.evidence.internal.analysis.Reading;
import io.conformity.evidence.internal.declarations.DeclarationChecks;
import io.conformity.evidence.internal.declarations.DeclaredFacts;
import io.conformity.evidence.internal.declarations.StructuredDeclarations;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ProductApi;
import io.conformity.storage.BlobCorruptedException;
import io.conformity.storage.BlobStore;
import io.conformity.storage.StagedBlob;
import io.conformity.validation.PrintableCharacters;

/**
 * Evidence arrives in three steps: staged in the store while hashing (no lock held, however large), read by its
 * analyzer from the staged copy (a rejected file is dropped here, so nothing of it is stored), then recorded under
 * the assessment's lock — the same lock a principle's submission takes, so an upload either lands before the
 * submission and is covered by it, or is refused after it.
 */
@Service
class EvidenceService implements EvidenceApi {

    private static final Logger log = LoggerFactory.getLogger(EvidenceService.class);

    static final String INTERFACES = "interfaces";
    static final String SUPPORT_PERIOD = "support-period";

    private final EvidenceRepository evidence;
    private final EvidenceAnalysisRepository analyses;
    private final FindingStore findings;
    private final AssessmentApi assessments;
    private final ProductApi products;
    private final BlobStore store;
    private final EvidenceReader reader;
    private final StructuredDeclarations declarations;
    private final EvidenceProperties properties;
    private final TransactionTemplate transactions;
    private final DeclarationChecks checks = new DeclarationChecks();
    private final ObjectMapper json = new ObjectMapper();
    private final ResourceLoader resources;
    private final Clock clock;

    private final PrintableCharacters printable;
    private final ApplicationEventPublisher events;

    EvidenceService(
            EvidenceRepository evidence,
            EvidenceAnalysisRepository analyses,
            FindingStore findings,
            AssessmentApi assessments,
            ProductApi products,
            BlobStore store,
            EvidenceReader reader,
            StructuredDeclarations declarations,
            EvidenceProperties properties,
            PlatformTransactionManager transactionManager,
            ResourceLoader resources,
            PrintableCharacters printable,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.printable = printable;
        this.evidence = evidence;
        this.analyses = analyses;
        this.findings = findings;
        this.assessments = assessments;
        this.products = products;
        this.store = store;
        this.reader = reader;
        this.declarations = declarations;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.resources = resources;
        this.clock = clock;
    }

    @Override
    public EvidenceView upload(UUID requirementAssessmentId, String fileName, InputStream content, String uploadedBy) {
        // Every check that can refuse the upload without reading it runs before a byte is stored.
        RequirementAssessmentView requirement = collecting(requirementAssessmentId);
        String name = FileNames.safe(fileName);
        // The name is printed in the declaration's annex: refused now rather than printed as blank boxes later.
        printable.firstUnprintable(name).ifPresent(cp -> {
            throw new InvalidInputException(
                    "The file name cannot be printed on the declaration; nothing was stored.",
                    List.of(InvalidInputException.parameter(
                            "file",
                            "its name contains " + new String(Character.toChars(cp)) + " ("
                                    + String.format("U+%04X", cp)
                                    + "), which no font of the declaration can print; rename the file")));
        });
        try (StagedBlob staged = store.stage(content, properties.maxUploadSize().toBytes())) {
            if (staged.size() == 0) {
                throw new InvalidInputException(
                        "The file is empty; nothing was stored.",
                        List.of(InvalidInputException.parameter("file", "has no content")));
            }
            AnalysisContext context = context(requirement.assessmentId());
            Reading reading = reader.read(staged::open, name, staged.size(), context);
            if (reading.status() == AnalysisStatus.REJECTED) {
                throw new ProblemException(
                        ProblemType.EVIDENCE_REJECTED,
                        "The file was read as " + reading.analyzer() + " output and refused at " + reading.location()
                                + ": " + reading.summary() + " Nothing was stored.",
                        Map.of("analyzer", reading.analyzer(), "location", reading.location()));
            }
            Evidence.Content what = new Evidence.Content(
                    EvidenceKind.FILE,
                    null,
                    null,
                    name,
                    reading.mediaType(),
                    staged.sha256(),
                    staged.size(),
                    reading.text());
            boolean contextual =
                    reader.analyzers().stream().anyMatch(a -> a.name().equals(reading.analyzer()) && a.readsContext());
            EvidenceView stored = record(
                    requirement.assessmentId(),
                    requirementAssessmentId,
                    what,
                    uploadedBy,
                    staged,
                    new Read(
                            reading,
                            context,
                            contextual ? now -> reader.read(staged::open, name, staged.size(), now) : null));
            if (reading.status() == AnalysisStatus.ANALYZED
                    && !reading.components().isEmpty()) {
                // Vulnerability reports are matched against the release's components.
                reanalyseOthers(requirement.assessmentId(), stored.id());
            }
            return evidence(stored.id());
        }
    }

    @Override
    public EvidenceView declare(UUID requirementAssessmentId, String kind, byte[] document, String declaredBy) {
        RequirementAssessmentView requirement = collecting(requirementAssessmentId);
        StructuredDeclarations.Validated validated = declarations.validate(kind, document);
        AnalysisContext context = context(requirement.assessmentId());
        List<Finding> found = checks.check(validated, context);
        Reading reading = declarationReading(
                validated, found, declarations.kind(validated.kind()).provisions());
        try (StagedBlob staged =
                store.stage(new ByteArrayInputStream(validated.canonical()), validated.canonical().length)) {
            Evidence.Content what = new Evidence.Content(
                    EvidenceKind.DECLARATION,
                    validated.kind(),
                    validated.schemaId(),
                    validated.kind() + ".json",
                    "application/json",
                    staged.sha256(),
                    staged.size(),
                    null);
            List<Provision> provisions = declarations.kind(validated.kind()).provisions();
            EvidenceView stored = record(
                    requirement.assessmentId(),
                    requirementAssessmentId,
                    what,
                    declaredBy,
                    staged,
                    new Read(
                            reading,
                            context,
                            now -> declarationReading(validated, checks.check(validated, now), provisions)));
            if (INTERFACES.equals(validated.kind()) || SUPPORT_PERIOD.equals(validated.kind())) {
                // What was declared is what tool outputs are checked against: check them again.
                reanalyseOthers(requirement.assessmentId(), stored.id());
            }
            return evidence(stored.id());
        }
    }

    private static Reading declarationReading(
            StructuredDeclarations.Validated validated, List<Finding> found, List<Provision> evidences) {
        String summary = "Declaration " + validated.kind() + " valid against " + validated.schemaId() + "; "
                + (found.isEmpty() ? "no findings." : found.size() + " finding(s).");
        return new Reading(
                AnalysisStatus.ANALYZED,
                "declaration:" + validated.kind(),
                validated.schemaId().substring(validated.schemaId().lastIndexOf(':') + 1),
                "application/json",
                summary,
                found,
                found.size(),
                Reading.counted(found),
                evidences,
                List.of(),
                null,
                null);
    }

    /** Refuses early, before anything is read, when the requirement takes no evidence now. */
    private RequirementAssessmentView collecting(UUID requirementAssessmentId) {
        RequirementAssessmentView requirement = assessments.requirement(requirementAssessmentId);
        assessments.requireMember(
                requirement.assessmentId(),
                () -> new NotFoundException("Requirement assessment", requirementAssessmentId));
        requireCollecting(requirement);
        return requirement;
    }

    private static void requireCollecting(RequirementAssessmentView requirement) {
        if (!requirement.inCollection()) {
            throw new ProblemException(
                    ProblemType.EVIDENCE_CLOSED,
                    "Requirement " + requirement.requirementId() + " is "
                            + (requirement.applicable() ? requirement.status() : "not applicable")
                            + "; evidence can be added only while it is OPEN. Nothing was stored.");
        }
    }

    /**
     * A reading made before the lock, against {@code against}; {@code again} reads once more when what the findings
     * depend on changed meanwhile (a declaration or an SBOM committed while this file was parsed). Null when the
     * findings do not depend on it.
     */
    private record Read(Reading reading, AnalysisContext against, Function<AnalysisContext, Reading> again) {

        Reading current(Supplier<AnalysisContext> context) {
            if (again == null) {
                return reading;
            }
            AnalysisContext now = context.get();
            if (now.equals(against)) {
                return reading;
            }
            Reading fresh = again.apply(now);
            return fresh.status() == AnalysisStatus.ANALYZED ? fresh : reading;
        }
    }

    private EvidenceView record(
            UUID assessmentId,
            UUID requirementAssessmentId,
            Evidence.Content what,
            String by,
            StagedBlob staged,
            Read read) {
        return transactions.execute(tx -> {
            // Read only once the lock is held (a copy read before it would hide a submission that just committed):
            // the principle may have been submitted while the file was read.
            assessments.lock(assessmentId);
            RequirementAssessmentView requirement = assessments.requirement(requirementAssessmentId);
            requireCollecting(requirement);
            // Before this item is saved: what it is checked against is what existed without it.
            Reading reading = read.current(() -> context(assessmentId));
            Evidence saved = evidence.saveAndFlush(new Evidence(
                    new Evidence.Target(
                            requirement.assessmentId(),
                            requirement.id(),
                            requirement.principle(),
                            requirement.requirementId()),
                    what,
                    by,
                    clock.instant()));
            writeAnalysis(saved, reading);
            if (saved.kind() == EvidenceKind.DECLARATION) {
                supersedeEarlier(saved);
            }
            // Last: the bytes are in place before the rows that name them commit, and a failure before here
            // leaves no blob that nothing names.
            staged.commit();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("evidenceId", saved.id());
            change.put("requirementAssessmentId", requirement.id());
            change.put("requirement", requirement.requirementId());
            change.put("principle", requirement.principle());
            change.put("fileName", what.fileName());
            change.put("declarationKind", what.declarationKind());
            change.put("sha256", staged.sha256());
            change.put("size", staged.size());
            change.put("analysis", reading.status());
            events.publishEvent(Audited.of(
                    saved.kind() == EvidenceKind.DECLARATION ? "evidence.declared" : "evidence.uploaded",
                    "assessment",
                    assessmentId.toString(),
                    change));
            return saved.view(null);
        });
    }

    /**
     * A new declaration of a kind replaces the earlier ones of the assessment: they stay as evidence (their hashes
     * may be covered by sign-offs), but their findings no longer count.
     */
    void supersedeEarlier(Evidence latest) {
        for (Evidence earlier : evidence.findByAssessmentIdInAndDeclarationKindOrderByUploadedAt(
                List.of(latest.assessmentId()), latest.declarationKind())) {
            if (earlier.id().equals(latest.id())
                    || !assessments
                            .requirement(earlier.requirementAssessmentId())
                            .inCollection()) {
                continue;
            }
            analyses.findById(earlier.id()).ifPresent(analysis -> {
                analysis.record(
                        analysis.analyzer(),
                        analysis.analyzerVersion(),
                        analysis.status(),
                        "Superseded by declaration " + latest.id() + "; its findings no longer count.",
                        0,
                        Reading.counted(List.of()),
                        clock.instant());
                analyses.save(analysis);
            });
            findings.replaceFindings(earlier.id(), earlier.assessmentId(), List.of(), List.of());
        }
    }

    /** Writes (or replaces) the analysis, findings, coverage and components of one evidence item. */
    void writeAnalysis(Evidence item, Reading reading) {
        List<RequirementAssessmentView> scope =
                assessments.assessment(item.assessmentId()).requirements();
        // Only requirements still collecting evidence: what a principle was submitted or accepted on stays as it was.
        Map<String, List<RequirementAssessmentView>> byProvision = new HashMap<>();
        for (RequirementAssessmentView r : scope) {
            if (r.inCollection()) {
                byProvision
                        .computeIfAbsent(key(r.frameworkUrn(), r.requirementId()), k -> new ArrayList<>())
                        .add(r);
            }
        }
        RequirementAssessmentView own = scope.stream()
                .filter(r -> r.id().equals(item.requirementAssessmentId()))
                .findFirst()
                .orElseThrow();
        Set<UUID> covered = new LinkedHashSet<>();
        covered.add(own.id());
        reading.evidences()
                .forEach(p -> byProvision.getOrDefault(key(p.framework(), p.id()), List.of()).stream()
                        .map(RequirementAssessmentView::id)
                        .forEach(covered::add));
        List<List<FindingStore.Match>> matches = new ArrayList<>();
        for (Finding f : reading.findings()) {
            List<FindingStore.Match> matched = new ArrayList<>();
            Set<UUID> seen = new LinkedHashSet<>();
            for (Provision p : f.provisions()) {
                for (RequirementAssessmentView r : byProvision.getOrDefault(key(p.framework(), p.id()), List.of())) {
                    if (seen.add(r.id())) {
                        matched.add(new FindingStore.Match(r.id(), r.principle()));
                    }
                }
            }
            if (matched.isEmpty()) {
                // None of its provisions is in scope: it stays with the requirement it was uploaded for.
                matched.add(new FindingStore.Match(own.id(), own.principle()));
            }
            matched.forEach(m -> covered.add(m.requirementAssessmentId()));
            matches.add(matched);
        }
        EvidenceAnalysis analysis = analyses.findById(item.id()).orElseGet(() -> new EvidenceAnalysis(item.id()));
        analysis.record(
                reading.analyzer(),
                reading.analyzerVersion(),
                reading.status(),
                reading.summary(),
                reading.findingsTotal(),
                reading.bySeverity(),
                clock.instant());
        analyses.save(analysis);
        findings.replaceFindings(item.id(), item.assessmentId(), reading.findings(), matches);
        // Coverage of requirements past collection is what their submission or acceptance rested on (and what a
        // sign-off's hashes name): a re-analysis leaves it as it was.
        Set<UUID> settled = scope.stream()
                .filter(r -> !r.inCollection())
                .map(RequirementAssessmentView::id)
                .collect(Collectors.toSet());
        findings.coverageOf(item.id()).stream().filter(settled::contains).forEach(covered::add);
        findings.replaceCoverage(item.id(), covered);
        findings.replaceComponents(item.id(), item.assessmentId(), reading.components());
    }

    private static String key(String framework, String id) {
        return framework + "#" + id;
    }

    /**
     * Reads the assessment's tool outputs whose findings depend on what is declared (interfaces, support period) or
     * on the release's SBOM again, each under the assessment's lock with what is known then. Evidence never changes;
     * its analysis is derived and may. Files of principles already submitted keep what they were judged on. The
     * upload that triggered this is stored already: a file that cannot be read again is logged, not failed.
     */
    void reanalyseOthers(UUID assessmentId, UUID except) {
        Set<String> contextual = reader.analyzers().stream()
                .filter(Analyzer::readsContext)
                .map(Analyzer::name)
                .collect(Collectors.toSet());
        List<Evidence> others = evidence.findByAssessmentIdOrderByUploadedAt(assessmentId).stream()
                .filter(e -> !e.id().equals(except) && e.kind() == EvidenceKind.FILE)
                .toList();
        Map<UUID, EvidenceAnalysis> current = new HashMap<>();
        analyses.findByEvidenceIdIn(others.stream().map(Evidence::id).toList())
                .forEach(a -> current.put(a.evidenceId(), a));
        for (Evidence e : others) {
            EvidenceAnalysis before = current.get(e.id());
            if (before == null
                    || before.status() != AnalysisStatus.ANALYZED
                    || !contextual.contains(before.analyzer())) {
                continue;
            }
            try {
                transactions.executeWithoutResult(tx -> {
                    assessments.lock(assessmentId);
                    if (!assessments.requirement(e.requirementAssessmentId()).inCollection()) {
                        return;
                    }
                    Reading reading = readAgain(e, context(assessmentId));
                    if (reading.status() == AnalysisStatus.ANALYZED) {
                        writeAnalysis(e, reading);
                        // Derived, yet what the officer reviews: the trail shows when and why findings changed.
                        events.publishEvent(Audited.of(
                                "evidence.reanalysed",
                                "assessment",
                                assessmentId.toString(),
                                Map.of(
                                        "evidenceId", e.id(),
                                        "sha256", e.sha256(),
                                        "analyzer", reading.analyzer(),
                                        "trigger", except)));
                    }
                });
            } catch (RuntimeException failed) {
                log.error("Evidence {} could not be analysed again; its earlier analysis stands", e.id(), failed);
            }
        }
    }

    /** What uploads of this assessment are checked against, read from its declarations and SBOMs. */
    AnalysisContext context(UUID assessmentId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, AnalysisContext.DeclaredInterface> interfaces = latestDeclaration(assessmentId, INTERFACES)
                .map(DeclaredFacts::interfaces)
                .orElse(Map.of());
        // The support period published for the product, in any of its releases' assessments, or stated by a
        // declaration on it (the product module keeps the latest end a declaration stated).
        Optional<LocalDate> publishedEnd = Stream.concat(
                        evidence
                                .findByAssessmentIdInAndDeclarationKindOrderByUploadedAt(
                                        productAssessments(assessmentId), SUPPORT_PERIOD)
                                .stream()
                                .map(this::readDeclaration)
                                .map(DeclaredFacts::supportEnd)
                                .flatMap(Optional::stream),
                        Stream.ofNullable(products.releaseDetails(
                                        assessments.assessment(assessmentId).releaseId())
                                .product()
                                .declaredSupportPeriodEnd()))
                .max(LocalDate::compareTo);
        return new AnalysisContext(today, interfaces, publishedEnd, findings.purls(assessmentId));
    }

    private List<UUID> productAssessments(UUID assessmentId) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        UUID product = products.releaseDetails(assessment.releaseId()).product().id();
        return assessments.assessments(product, null, Pageable.unpaged()).stream()
                .map(AssessmentView::id)
                .toList();
    }

    private Optional<StructuredDeclarations.Validated> latestDeclaration(UUID assessmentId, String kind) {
        List<Evidence> found =
                evidence.findByAssessmentIdInAndDeclarationKindOrderByUploadedAt(List.of(assessmentId), kind);
        return found.isEmpty() ? Optional.empty() : Optional.of(readDeclaration(found.get(found.size() - 1)));
    }

    /**
     * A stored declaration as it was accepted: its canonical bytes, not validated again (a later schema version
     * must not make what was declared before unreadable).
     */
    private StructuredDeclarations.Validated readDeclaration(Evidence e) {
        try (InputStream in = openBlob(e)) {
            byte[] canonical = in.readAllBytes();
            JsonNode document = json.readTree(canonical);
            return new StructuredDeclarations.Validated(
                    e.declarationKind(), document.path("schema").asText(), document, canonical, e.sha256());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read declaration " + e.id(), ex);
        }
    }

    private InputStream openBlob(Evidence e) {
        try {
            return store.open(e.sha256(), e.size())
                    .orElseThrow(() -> new IllegalStateException(
                            "Blob " + e.sha256() + " of evidence " + e.id() + " is missing from the store"));
        } catch (BlobCorruptedException damaged) {
            // Found before a byte is served: the request fails as an internal error, the log names the evidence.
            throw new IllegalStateException("Evidence " + e.id() + " is damaged in the store", damaged);
        }
    }

    /**
     * Reads a stored item again with today's analyzers (a file) or checks (a declaration), against {@code context};
     * the bytes are re-hashed while read, so a damaged blob fails here.
     */
    Reading readAgain(Evidence e, AnalysisContext context) {
        if (e.kind() == EvidenceKind.DECLARATION) {
            StructuredDeclarations.Validated validated = readDeclaration(e);
            return declarationReading(
                    validated,
                    checks.check(validated, context),
                    declarations.kind(validated.kind()).provisions());
        }
        return reader.read(() -> openBlob(e), e.fileName(), e.size(), context);
    }

    @Override
    public List<DeclarationKindView> declarationKinds() {
        return declarations.kinds().stream()
                .map(k -> new DeclarationKindView(k.name(), k.schemaId(), k.title(), k.provisions()))
                .toList();
    }

    @Override
    public String declarationSchema(String kind) {
        StructuredDeclarations.Kind known = declarations.kind(kind);
        String location = properties.schemas().endsWith("/") ? properties.schemas() : properties.schemas() + "/";
        try (InputStream in =
                resources.getResource(location + known.name() + ".schema.json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema of " + kind, e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public EvidenceView evidence(UUID id) {
        Evidence found = findReadable(id);
        AnalysisView summary = analysisViews(List.of(found)).get(found.id());
        return found.view(summary == null ? null : withFindings(summary, findings.ofEvidence(id)));
    }

    private static AnalysisView withFindings(AnalysisView a, List<FindingView> list) {
        return new AnalysisView(
                a.analyzer(),
                a.analyzerVersion(),
                a.status(),
                a.summary(),
                a.findingsTotal(),
                a.bySeverity(),
                list,
                a.analysedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public EvidenceContent open(UUID id) {
        Evidence found = findReadable(id);
        InputStream stream = openBlob(found);
        return new EvidenceContent(found.view(null), new LoggingStream(stream, found.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceView> ofRequirement(UUID requirementAssessmentId) {
        assessments.requirement(requirementAssessmentId);
        return views(evidence.findByRequirementAssessmentIdOrderByUploadedAt(requirementAssessmentId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceView> ofAssessment(UUID assessmentId, String principle, String text) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        List<Evidence> found;
        if (text != null && !text.isBlank()) {
            found = evidence.search(assessmentId, principle, "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
        } else if (principle != null) {
            found = evidence.findByAssessmentIdAndPrincipleOrderByUploadedAt(assessmentId, principle);
        } else {
            found = evidence.findByAssessmentIdOrderByUploadedAt(assessmentId);
        }
        return views(found);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequirementEvidence> ofPrinciple(UUID assessmentId, String principle) {
        // The whole assessment's read checks the caller may read it; a principle's is checked by whoever asks.
        List<RequirementAssessmentView> rows = (principle == null
                        ? assessments.assessment(assessmentId).requirements()
                        : assessments.requirements(assessmentId, principle))
                .stream().filter(RequirementAssessmentView::applicable).toList();
        List<UUID> ids = rows.stream().map(RequirementAssessmentView::id).toList();
        Map<UUID, List<UUID>> coverage = findings.coverage(ids);
        Map<UUID, List<FindingView>> bearing = findings.ofRequirements(ids);
        Map<UUID, EvidenceView> byId = new HashMap<>();
        views(evidence.findAllById(coverage.values().stream()
                        .flatMap(Collection::stream)
                        .distinct()
                        .toList()))
                .forEach(v -> byId.put(v.id(), v));
        return rows.stream()
                .map(r -> new RequirementEvidence(
                        r.id(),
                        coverage.getOrDefault(r.id(), List.of()).stream()
                                .map(byId::get)
                                .sorted((a, b) -> a.uploadedAt().compareTo(b.uploadedAt()))
                                .toList(),
                        bearing.getOrDefault(r.id(), List.of())))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<FindingView> findings(
            UUID assessmentId, String principle, Set<Severity> severities, Pageable pageable) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return findings.page(assessmentId, principle, severities, pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ComponentView> components(UUID assessmentId, Pageable pageable) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return findings.components(assessmentId, pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> uploadersOf(UUID assessmentId, String principle) {
        // Carried-over evidence counts twice: the engineer who carried it vouched that it still holds (they are its
        // uploader here), and whoever uploaded the bytes first produced it.
        Set<String> uploaders = new HashSet<>(evidence.uploadersOf(assessmentId, principle));
        uploaders.addAll(evidence.originalUploadersOf(assessmentId, principle));
        ofPrinciple(assessmentId, principle).stream()
                .flatMap(r -> r.evidence().stream())
                .flatMap(e -> e.carriedFrom() == null
                        ? Stream.of(e.uploadedBy())
                        : Stream.of(e.uploadedBy(), e.carriedFrom().uploadedBy()))
                .forEach(uploaders::add);
        return uploaders;
    }

    private List<EvidenceView> views(List<Evidence> items) {
        Map<UUID, AnalysisView> byId = analysisViews(items);
        return items.stream().map(e -> e.view(byId.get(e.id()))).toList();
    }

    private Map<UUID, AnalysisView> analysisViews(List<Evidence> items) {
        List<UUID> ids = items.stream().map(Evidence::id).toList();
        Map<UUID, AnalysisView> views = new HashMap<>();
        for (EvidenceAnalysis a : analyses.findByEvidenceIdIn(ids)) {
            views.put(
                    a.evidenceId(),
                    new AnalysisView(
                            a.analyzer(),
                            a.analyzerVersion(),
                            a.status(),
                            a.summary(),
                            a.findingsTotal(),
                            a.bySeverity(),
                            List.of(),
                            a.analysedAt()));
        }
        return views;
    }

    /** The item, when the caller may read its assessment; else the same 404 as an unknown id. */
    private Evidence findReadable(UUID id) {
        Evidence found = find(id);
        assessments.requireReader(found.assessmentId(), () -> new NotFoundException("Evidence", id));
        return found;
    }

    private Evidence find(UUID id) {
        return evidence.findById(id).orElseThrow(() -> new NotFoundException("Evidence", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Map<Severity, Long>> findingCounts(Collection<UUID> assessmentIds) {
        List<UUID> ids = assessmentIds.stream().distinct().toList();
        assessments.requireReader(ids, id -> new NotFoundException("Assessment", id));
        Map<UUID, Map<Severity, Long>> found = findings.countsBySeverity(ids);
        Map<UUID, Map<Severity, Long>> counts = new LinkedHashMap<>();
        for (UUID id : ids) {
            Map<Severity, Long> each = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                each.put(severity, found.getOrDefault(id, Map.of()).getOrDefault(severity, 0L));
            }
            counts.put(id, each);
        }
        return counts;
    }
}
