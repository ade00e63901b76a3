package io.conformity.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentOpened;
import io.conformity.assessment.AssessmentScopeConfirmed;
import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.OpenAssessmentCommand;
import io.conformity.assessment.OpeningRule;
import io.conformity.assessment.RegimeStatement;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.RequirementStatus;
import io.conformity.assessment.ScopeOverrideCommand;
import io.conformity.assessment.Verdict;
import io.conformity.assessment.VerdictCommand;
import io.conformity.audit.Audited;
import io.conformity.catalog.Applicability;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.catalog.ProfileAnswers;
import io.conformity.catalog.Regime;
import io.conformity.catalog.Requirement;
import io.conformity.catalog.Scope;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.CraCategory;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductScope;
import io.conformity.product.ProductView;
import io.conformity.product.ReleaseDetails;

@Service
@Validated
@Transactional
class AssessmentService implements AssessmentApi {

    private final AssessmentRepository assessments;
    private final RequirementAssessmentRepository requirements;
    private final CatalogApi catalog;
    private final ProductApi products;
    private final ApplicationEventPublisher events;
    private final List<OpeningRule> openingRules;
    private final Clock clock;

    AssessmentService(
            AssessmentRepository assessments,
            RequirementAssessmentRepository requirements,
            CatalogApi catalog,
            ProductApi products,
            ApplicationEventPublisher events,
            List<OpeningRule> openingRules,
            Clock clock) {
        this.assessments = assessments;
        this.requirements = requirements;
        this.catalog = catalog;
        this.products = products;
        this.events = events;
        this.openingRules = List.copyOf(openingRules);
        this.clock = clock;
    }

    @Override
    public AssessmentView open(OpenAssessmentCommand command, String openedBy) {
        products.requireReleaseMember(command.releaseId(), () -> new NotFoundException("Release", command.releaseId()));
        Scope scope = catalog.scope(command.regimes(), blankToNull(command.en303645Version()));
        ReleaseDetails release = products.releaseDetails(command.releaseId());
        requireInSupport(release.product());
        Map<String, ProfileAnswers> answers = profiles(release, scope);
        List<UUID> supersedes = command.supersedes().stream().distinct().toList();
        // One open assessment per release and regime: openings of one release run one at a time (row lock), so ten
        // parallel requests open one assessment and nine are told which.
        products.lockRelease(command.releaseId());
        assessments.findOpenByReleaseId(command.releaseId()).stream()
                .filter(open -> open.openUnderAnyOf(scope.regimes()))
                .findFirst()
                .ifPresent(open -> {
                    throw new ProblemException(
                            ProblemType.ASSESSMENT_OPEN,
                            "Release " + command.releaseId() + " already has assessment " + open.id() + " open under "
                                    + String.join(", ", open.regimeCodes()) + " ("
                                    + open.status()
                                    + "): finish or reject it before opening another.",
                            Map.of("assessmentId", open.id()));
                });
        openingRules.forEach(rule -> rule.check(command.releaseId(), scope.regimes(), supersedes));
        List<String> excepted = scope.regimes().contains("PSTI")
                ? catalog.pstiExceptedClasses(release.product().productType()).stream()
                        .map(Framework.ExceptedClass::id)
                        .toList()
                : List.of();
        Assessment assessment = assessments.save(new Assessment(
                command.releaseId(),
                scope.regimes(),
                scope.en303645Version(),
                excepted,
                supersedes,
                statements(scope.regimes()),
                openedBy,
                clock.instant()));
        // Internal control is the route a default product may take on its own evidence: recorded up front, so that
        // the officer only has to act for a product an annex lists (or to choose a third-party route).
        if (assessment.underCra() && release.product().craCategory() == CraCategory.DEFAULT) {
            assessment.recordConformityRoute(ConformityRoute.internalControl(), openedBy, clock.instant());
        }
        List<RequirementAssessment> created = new ArrayList<>();
        Set<String> activePrinciples = new LinkedHashSet<>();
        int position = 0;
        for (Scope.ScopedRequirement scoped : scope.requirements()) {
            Requirement r = scoped.requirement();
            ProfileAnswers profile = answers.get(r.frameworkVersion());
            Applicability applicability = CatalogApi.EN_303_645.equals(r.frameworkUrn())
                    ? catalog.applicability(r, profile)
                    : Applicability.applies();
            created.add(new RequirementAssessment(
                    assessment.id(),
                    position++,
                    scoped.principle(),
                    r.frameworkUrn(),
                    r.frameworkVersion(),
                    r.id(),
                    r.title(),
                    r.status(),
                    scoped.mandatory(),
                    scoped.regimes(),
                    applicability.justification()));
            if (applicability.applicable()) {
                activePrinciples.add(scoped.principle());
            }
        }
        requirements.saveAll(created);
        // Principles whose requirements are all not applicable need no work: no workflow branch for them.
        List<String> principles = scope.principles().stream()
                .map(Scope.Principle::code)
                .filter(activePrinciples::contains)
                .toList();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("releaseId", command.releaseId());
        change.put("regimes", scope.regimes());
        change.put("en303645Version", scope.en303645Version());
        change.put("supersedes", supersedes);
        change.put("openedBy", openedBy);
        change.put("requirements", created.size());
        change.put("principles", principles);
        change.put("conformityRoute", assessment.conformityRoute());
        // Recorded before the process starts, so the trail reads in the order things happened.
        audit("assessment.opened", assessment.id(), change);
        events.publishEvent(new AssessmentOpened(assessment.id(), scope.regimes(), principles));
        return view(assessment, created);
    }

    /** The stored profile for each EN 303 645 version in scope; all must exist before anything is created. */
    private Map<String, ProfileAnswers> profiles(ReleaseDetails release, Scope scope) {
        Set<String> versions = new LinkedHashSet<>();
        scope.requirements().stream()
                .map(Scope.ScopedRequirement::requirement)
                .filter(r -> CatalogApi.EN_303_645.equals(r.frameworkUrn()))
                .forEach(r -> versions.add(r.frameworkVersion()));
        Map<String, ProfileAnswers> answers = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String version : versions) {
            try {
                answers.put(
                        version,
                        products.profile(release.product().id(), version).answers());
            } catch (NotFoundException e) {
                missing.add(version);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(
                    ProblemType.PROFILE_MISSING,
                    "Applicability needs the product profile for ETSI EN 303 645 " + String.join(" and ", missing)
                            + ": record it with PUT /api/v1/products/"
                            + release.product().id() + "/profiles/"
                            + missing.get(0) + " first.");
        }
        return answers;
    }

    private AssessmentView view(Assessment assessment, List<RequirementAssessment> rows) {
        List<AssessmentView.ExceptedFlag> flags = new ArrayList<>();
        if (!assessment.pstiExcepted().isEmpty()) {
            ReleaseDetails release = products.releaseDetails(assessment.releaseId());
            for (Framework.ExceptedClass c :
                    catalog.pstiExceptedClasses(release.product().productType())) {
                if (assessment.pstiExcepted().contains(c.id())) {
                    flags.add(new AssessmentView.ExceptedFlag(
                            c.id(),
                            c.title(),
                            "The product type '"
                                    + release.product().productType() + "' suggests PSTI Schedule 3 " + c.id() + " ("
                                    + c.title()
                                    + "): " + c.text() + (c.note() == null ? "" : " " + c.note())
                                    + " If so, the PSTI security requirements do not apply to it."));
                }
            }
        }
        return assessment.view(
                flags, rows.stream().map(RequirementAssessment::view).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    @Transactional(readOnly = true)
    public AssessmentView assessment(UUID id) {
        Assessment assessment = find(id);
        requireReader(assessment, () -> new NotFoundException("Assessment", id));
        return view(assessment, requirements.findByAssessmentIdOrderByPosition(id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AssessmentView> assessments(UUID productId, AssessmentStatus status, Pageable pageable) {
        Specification<Assessment> filter = Specification.unrestricted();
        ProductScope scope = products.scope();
        if (!scope.everything()) {
            if (scope.releaseIds().isEmpty() || (productId != null && !scope.includesProduct(productId))) {
                return Page.empty(pageable);
            }
            filter = filter.and((root, query, cb) -> root.get("releaseId").in(scope.releaseIds()));
        }
        if (productId != null) {
            List<UUID> releaseIds = products.releaseIds(productId);
            if (releaseIds.isEmpty()) {
                return Page.empty(pageable);
            }
            filter = filter.and((root, query, cb) -> root.get("releaseId").in(releaseIds));
        }
        if (status != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        Page<Assessment> page = assessments.findAll(filter, pageable);
        // One query for the requirements of the whole page rather than one per assessment.
        Map<UUID, List<RequirementAssessment>> rows = page.isEmpty()
                ? Map.of()
                : requirements
                        .findByAssessmentIdInOrderByAssessmentIdAscPositionAsc(
                                page.map(Assessment::id).getContent())
                        .stream()
                        .collect(Collectors.groupingBy(RequirementAssessment::assessmentId));
        return page.map(assessment -> view(assessment, rows.getOrDefault(assessment.id(), List.of())));
    }

    @Override
    @Transactional(readOnly = true)
    public void requireExists(UUID id) {
        if (!assessments.existsById(id)) {
            throw new NotFoundException("Assessment", id);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public RequirementAssessmentView requirement(UUID requirementAssessmentId) {
        Supplier<NotFoundException> notFound =
                () -> new NotFoundException("Requirement assessment", requirementAssessmentId);
        RequirementAssessment row =
                requirements.findById(requirementAssessmentId).orElseThrow(notFound);
        requireReader(row.assessmentId(), notFound);
        return row.view();
    }

    /**
     * Reads the release id alone, never the entity: an access check made before the assessment's lock must not leave
     * a copy in the persistence context that the locked work would then read stale.
     */
    @Override
    @Transactional(readOnly = true)
    public void requireReader(UUID assessmentId, Supplier<? extends ProblemException> notFound) {
        products.requireReleaseReader(
                assessments.findReleaseIdById(assessmentId).orElseThrow(notFound), notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public void requireMember(UUID assessmentId, Supplier<? extends ProblemException> notFound) {
        products.requireReleaseMember(
                assessments.findReleaseIdById(assessmentId).orElseThrow(notFound), notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public UUID productOf(UUID assessmentId) {
        return products.releaseDetails(find(assessmentId).releaseId()).product().id();
    }

    private void requireReader(Assessment assessment, Supplier<? extends ProblemException> notFound) {
        products.requireReleaseReader(assessment.releaseId(), notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequirementAssessmentView> requirements(UUID assessmentId, String principle) {
        find(assessmentId);
        List<RequirementAssessment> rows =
                requirements.findByAssessmentIdAndPrincipleOrderByPosition(assessmentId, principle);
        if (rows.isEmpty()) {
            throw new NotFoundException("Principle", assessmentId + "/" + principle);
        }
        return rows.stream().map(RequirementAssessment::view).toList();
    }

    @Override
    public RequirementAssessmentView stateNoEvidence(UUID requirementAssessmentId, String statement, String by) {
        UUID assessmentId = requirements
                .assessmentIdOf(requirementAssessmentId)
                .orElseThrow(() -> new NotFoundException("Requirement assessment", requirementAssessmentId));
        requireMember(assessmentId, () -> new NotFoundException("Requirement assessment", requirementAssessmentId));
        // Loaded only once the lock is held, so a submission that just committed is seen, not a stale copy.
        lock(assessmentId);
        RequirementAssessment row =
                requirements.findById(requirementAssessmentId).orElseThrow();
        find(assessmentId).requireInProgress("change the evidence of");
        if (statement == null) {
            row.withdrawNoEvidenceStatement();
        } else {
            row.stateNoEvidence(statement, by, clock.instant());
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("requirementAssessmentId", requirementAssessmentId);
        change.put("requirement", row.label());
        change.put("statement", statement);
        audit(
                statement == null ? "assessment.no-evidence-withdrawn" : "assessment.no-evidence-stated",
                assessmentId,
                change);
        return row.view();
    }

    @Override
    public void submitPrinciple(UUID assessmentId, String principle) {
        find(assessmentId).requireInProgress("submit evidence for");
        principleRows(assessmentId, principle).forEach(RequirementAssessment::submit);
        audit("assessment.principle-submitted", assessmentId, Map.of("principle", principle));
    }

    @Override
    public void reviewPrinciple(UUID assessmentId, String principle, List<VerdictCommand> verdicts, boolean accept) {
        find(assessmentId).requireInProgress("review");
        List<RequirementAssessment> all =
                requirements.findByAssessmentIdAndPrincipleOrderByPosition(assessmentId, principle);
        List<RequirementAssessment> rows = applicable(all, assessmentId, principle);
        // Not-applicable rows are known here so that a verdict on one is refused as such, not as "unknown".
        Map<UUID, RequirementAssessment> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        for (VerdictCommand v : verdicts) {
            RequirementAssessment row = byId.get(v.requirementAssessmentId());
            if (row == null) {
                throw new ProblemException(
                        ProblemType.REQUIREMENT_NOT_IN_PRINCIPLE,
                        "Requirement assessment " + v.requirementAssessmentId() + " is not part of principle "
                                + principle + " of assessment " + assessmentId + ".");
            }
            row.judge(v.verdict(), v.justification());
        }
        if (accept) {
            requireAcceptable(rows, principle);
        }
        rows.forEach(accept ? RequirementAssessment::accept : RequirementAssessment::sendBack);
        audit(
                accept ? "assessment.principle-accepted" : "assessment.principle-sent-back",
                assessmentId,
                Map.of("principle", principle, "verdicts", verdicts));
    }

    /**
     * What the approval would refuse is refused where it arises, so that the remedy is one principle sent back, not a
     * rejection of the whole declaration. Judged together, so one answer names every requirement concerned.
     */
    private static void requireAcceptable(List<RequirementAssessment> rows, String principle) {
        List<RequirementAssessment> failed =
                rows.stream().filter(RequirementAssessment::failsMandatory).toList();
        if (!failed.isEmpty()) {
            throw new ProblemException(
                    ProblemType.MANDATORY_REQUIREMENT_FAILED,
                    "Principle " + principle + " cannot be accepted: mandatory requirements judged FAIL: "
                            + labels(failed) + ". Send the principle back to the engineer with what must change,"
                            + " or close the assessment as not certifiable. Nothing was recorded.",
                    Map.of("requirementAssessmentIds", ids(failed)));
        }
        List<RequirementAssessment> unjustified = rows.stream()
                .filter(RequirementAssessment::failsRecommendationUnexplained)
                .toList();
        if (!unjustified.isEmpty()) {
            throw new ProblemException(
                    ProblemType.JUSTIFICATION_MISSING,
                    "Recommendations judged FAIL need a justification (EN 303 645 5.0-1 / 4-1), which the"
                            + " declaration's annex prints: " + labels(unjustified) + ". Nothing was recorded.",
                    Map.of("requirementAssessmentIds", ids(unjustified)));
        }
    }

    private static String labels(List<RequirementAssessment> rows) {
        return String.join(", ", rows.stream().map(RequirementAssessment::label).toList());
    }

    private static List<UUID> ids(List<RequirementAssessment> rows) {
        return rows.stream().map(RequirementAssessment::id).toList();
    }

    @Override
    public void closeNotCertified(UUID assessmentId, String by, String reason) {
        find(assessmentId).closeNotCertified(by, clock.instant(), reason);
        requirements.findByAssessmentIdOrderByPosition(assessmentId).forEach(RequirementAssessment::close);
        audit("assessment.closed-not-certified", assessmentId, Map.of("reason", reason));
    }

    @Override
    public void approve(UUID assessmentId, String signatory, String placeOfIssue) {
        Assessment assessment = find(assessmentId);
        List<RequirementAssessment> rows = requirements.findByAssessmentIdOrderByPosition(assessmentId);
        List<String> notAccepted = rows.stream()
                .filter(r -> r.applicable() && r.status() != RequirementStatus.ACCEPTED)
                .map(RequirementAssessment::label)
                .toList();
        // The approval task exists only once every principle was accepted: open rows here are a defect.
        if (!notAccepted.isEmpty()) {
            throw new IllegalStateException("Requirements not yet accepted: " + String.join(", ", notAccepted) + ".");
        }
        List<String> failed = rows.stream()
                .filter(r -> r.mandatory() && r.verdict() == Verdict.FAIL)
                .map(RequirementAssessment::label)
                .toList();
        if (!failed.isEmpty()) {
            throw new ProblemException(
                    ProblemType.MANDATORY_REQUIREMENT_FAILED,
                    "The declaration cannot state compliance: mandatory requirements failed: "
                            + String.join(", ", failed) + ". Reject the draft and rework them.");
        }
        // EN 303 645 5.0-1 / 4-1: a recommendation not met, or not applicable, carries a justification.
        List<String> unjustified = rows.stream()
                .filter(r -> !r.mandatory() && (!r.applicable() || r.verdict() == Verdict.FAIL))
                .filter(r -> r.justification() == null || r.justification().isBlank())
                .map(RequirementAssessment::label)
                .toList();
        if (!unjustified.isEmpty()) {
            throw new ProblemException(
                    ProblemType.JUSTIFICATION_MISSING,
                    "Recommendations not met or not applicable need a justification (EN 303 645 5.0-1 / 4-1): "
                            + String.join(", ", unjustified) + ".");
        }
        ProductView product = products.releaseDetails(assessment.releaseId()).product();
        Instant now = clock.instant();
        LocalDate dateOfIssue = LocalDate.ofInstant(now, ZoneOffset.UTC);
        requireLawfulToIssue(assessmentId, assessment, product, dateOfIssue);
        assessment.approve(signatory, placeOfIssue, now);
        audit("assessment.approved", assessmentId, Map.of("signatory", signatory, "placeOfIssue", placeOfIssue));
        // From the approval on, the declaration's end date is a promise: it may be extended, not shortened.
        products.supportPeriodDeclared(product.id(), product.supportPeriodEnd());
    }

    /**
     * A product out of support gets no new declaration, so no assessment is opened for it: the watch marked it, or
     * its last day of support is past and the watch has not run yet.
     */
    private void requireInSupport(ProductView product) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (product.supportEndedBefore(today)) {
            throw new ProblemException(
                    ProblemType.SUPPORT_PERIOD_ENDED,
                    "The support period of " + product.modelDesignation() + " ended on " + product.supportPeriodEnd()
                            + ": the product is out of support and gets no new declaration. Extend the support period"
                            + " (PUT /api/v1/products/" + product.id() + "/support-period) to assess it again.",
                    Map.of(
                            "productId",
                            product.id(),
                            "supportPeriodEnd",
                            product.supportPeriodEnd().toString()));
        }
    }

    /**
     * What the law asks of the product when a declaration is issued, checked at approval and again by the issuing job,
     * which may run much later: the product may have been reclassified or its support period may have ended since.
     */
    private static void requireLawfulToIssue(
            UUID assessmentId, Assessment assessment, ProductView product, LocalDate dateOfIssue) {
        // The same comparison as the evidence check "support-period.ended": the last day of support still counts.
        if (product.supportEndedBefore(dateOfIssue)) {
            throw new ProblemException(
                    ProblemType.SUPPORT_PERIOD_ENDED,
                    "The support period of " + product.modelDesignation() + " ended on " + product.supportPeriodEnd()
                            + ", before today's date of issue " + dateOfIssue + ": a declaration would promise"
                            + " security updates that are no longer given. Extend the support period (PUT"
                            + " /api/v1/products/" + product.id() + "/support-period) or reject the draft.");
        }
        if (assessment.underCra()) {
            ConformityRoutePolicy.refusal(product, assessment.conformityRoute()).ifPresent(reason -> {
                throw new ProblemException(
                        ProblemType.CONFORMITY_ROUTE_NOT_ALLOWED,
                        reason + " Record the route with PUT /api/v1/assessments/" + assessmentId
                                + "/conformity-route, or reject the draft.");
            });
        }
    }

    /** What each regime's declaration will state about standards and routes, copied now (see RegimeStatement). */
    private Map<String, RegimeStatement> statements(List<String> regimes) {
        Map<String, RegimeStatement> statements = new LinkedHashMap<>();
        for (String code : regimes) {
            Regime regime = catalog.regime(code);
            statements.put(
                    code,
                    new RegimeStatement(
                            regime.standards().stream()
                                    .map(f -> new RegimeStatement.Standard(f.reference(), f.version(), f.dateOfIssue()))
                                    .toList(),
                            regime.complianceBases().stream()
                                    .map(b -> new RegimeStatement.Basis(b.requirement(), b.route()))
                                    .toList()));
        }
        return statements;
    }

    @Override
    @Transactional(readOnly = true)
    public void requireIssuable(UUID assessmentId) {
        Assessment assessment = find(assessmentId);
        ProductView product = products.releaseDetails(assessment.releaseId()).product();
        requireLawfulToIssue(assessmentId, assessment, product, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @Override
    public AssessmentView recordConformityRoute(UUID assessmentId, ConformityRoute route, String by) {
        requireMember(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        lock(assessmentId);
        Assessment assessment = find(assessmentId);
        assessment.requireInProgress("record the conformity route of");
        if (!assessment.underCra()) {
            throw new ProblemException(
                    ProblemType.CONFORMITY_ROUTE_NOT_ALLOWED,
                    "Assessment " + assessmentId + " is not under the CRA regime: a conformity route (CRA Article 32)"
                            + " is recorded for CRA assessments only.");
        }
        List<Map<String, Object>> errors = ConformityRoutePolicy.fieldErrors(route);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    route.procedure().wording() + " needs other details: " + errors.size() + " problem(s).", errors);
        }
        ProductView product = products.releaseDetails(assessment.releaseId()).product();
        ConformityRoutePolicy.refusal(product, route).ifPresent(reason -> {
            throw new ProblemException(ProblemType.CONFORMITY_ROUTE_NOT_ALLOWED, reason);
        });
        assessment.recordConformityRoute(route, by, clock.instant());
        audit("assessment.conformity-route-recorded", assessmentId, Map.of("route", route));
        return view(assessment, requirements.findByAssessmentIdOrderByPosition(assessmentId));
    }

    @Override
    public void confirmScope(UUID assessmentId, List<ScopeOverrideCommand> overrides, String by) {
        find(assessmentId).requireInProgress("confirm the scope of");
        List<RequirementAssessment> rows = requirements.findByAssessmentIdOrderByPosition(assessmentId);
        Map<UUID, RequirementAssessment> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            ScopeOverrideCommand o = overrides.get(i);
            String at = "/overrides/" + i;
            RequirementAssessment row = byId.get(o.requirementAssessmentId());
            if (row == null) {
                errors.add(InvalidInputException.at(
                        at + "/requirementAssessmentId", "is not a requirement of assessment " + assessmentId));
                continue;
            }
            if (!seen.add(row.id())) {
                errors.add(InvalidInputException.at(
                        at + "/requirementAssessmentId", "names a requirement that an earlier override already names"));
            }
            if (o.applicable() == row.computedApplicable()) {
                errors.add(InvalidInputException.at(
                        at + "/applicable",
                        row.label() + " is " + (o.applicable() ? "applicable" : "not applicable")
                                + " as computed from the product profile: there is nothing to override"));
            }
            if (o.justification() == null || o.justification().isBlank()) {
                errors.add(InvalidInputException.at(
                        at + "/justification",
                        "an override of the computed applicability needs a justification, which the annex prints"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The scope overrides have " + errors.size() + " problem(s); nothing was recorded.", errors);
        }
        // EN 303 645 4-1 / 5.0-1: only a recommendation may be treated as not applicable on the officer's word; a
        // mandatory provision is not applicable only when its condition does not hold, which the profile states.
        List<RequirementAssessment> refused = overrides.stream()
                .map(o -> byId.get(o.requirementAssessmentId()))
                .filter(r -> r.mandatory() && r.computedApplicable())
                .toList();
        if (!refused.isEmpty()) {
            throw new ProblemException(
                    ProblemType.SCOPE_OVERRIDE_REFUSED,
                    "Mandatory requirements the product profile makes applicable cannot be marked not applicable: "
                            + labels(refused)
                            + ". If a condition of the profile does not hold for this product, correct the profile"
                            + " and open a new assessment. Nothing was recorded.",
                    Map.of("requirementAssessmentIds", ids(refused)));
        }
        Instant now = clock.instant();
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (ScopeOverrideCommand o : overrides) {
            RequirementAssessment row = byId.get(o.requirementAssessmentId());
            row.overrideApplicability(o.applicable(), o.justification().strip(), by, now);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("requirementAssessmentId", row.id());
            entry.put("requirement", row.label());
            entry.put("computedApplicable", row.computedApplicable());
            entry.put("applicable", o.applicable());
            entry.put("justification", o.justification().strip());
            recorded.add(entry);
        }
        rows.forEach(RequirementAssessment::openForEvidence);
        Set<String> principles = new LinkedHashSet<>();
        rows.stream().filter(RequirementAssessment::applicable).forEach(r -> principles.add(r.principle()));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("confirmedBy", by);
        change.put("overrides", recorded);
        change.put("principles", List.copyOf(principles));
        audit("assessment.scope-confirmed", assessmentId, change);
        events.publishEvent(new AssessmentScopeConfirmed(assessmentId, List.copyOf(principles), by));
    }

    @Override
    public void reject(UUID assessmentId, List<String> principles) {
        find(assessmentId).requireInProgress("reject");
        requirements.findByAssessmentIdOrderByPosition(assessmentId).stream()
                .filter(r -> principles.contains(r.principle()))
                .forEach(RequirementAssessment::reopen);
        audit("assessment.rejected", assessmentId, Map.of("reopened", List.copyOf(principles)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> regimes(UUID assessmentId) {
        return find(assessmentId).regimeCodes();
    }

    @Override
    public void reviewAgain(UUID assessmentId, String principle) {
        find(assessmentId).requireInProgress("review again");
        applicable(
                        requirements.findByAssessmentIdAndPrincipleOrderByPosition(assessmentId, principle),
                        assessmentId,
                        principle)
                .forEach(RequirementAssessment::reviewAgain);
    }

    @Override
    public void markIssued(UUID assessmentId) {
        Assessment assessment = find(assessmentId);
        assessment.markIssued();
        audit("assessment.issued", assessmentId, Map.of());
        // The issued declaration states the end date as it is now (it may have been extended since approval).
        ProductView product = products.releaseDetails(assessment.releaseId()).product();
        products.supportPeriodDeclared(product.id(), product.supportPeriodEnd());
    }

    private void audit(String action, UUID assessmentId, Map<String, ?> change) {
        events.publishEvent(Audited.of(action, "assessment", assessmentId.toString(), change));
    }

    private Assessment find(UUID id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("Assessment", id));
    }

    /** The applicable requirements of a principle: the ones the per-principle loop works on. */
    private List<RequirementAssessment> principleRows(UUID assessmentId, String principle) {
        return applicable(
                requirements.findByAssessmentIdAndPrincipleOrderByPosition(assessmentId, principle),
                assessmentId,
                principle);
    }

    private static List<RequirementAssessment> applicable(
            List<RequirementAssessment> all, UUID assessmentId, String principle) {
        List<RequirementAssessment> rows =
                all.stream().filter(RequirementAssessment::applicable).toList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Principle", assessmentId + "/" + principle);
        }
        return rows;
    }

    @Override
    public void lock(UUID assessmentId) {
        assessments.findForUpdate(assessmentId).orElseThrow(() -> new NotFoundException("Assessment", assessmentId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<AssessmentStatus, Long> countByStatus() {
        ProductScope scope = products.scope();
        Map<AssessmentStatus, Long> counts = new EnumMap<>(AssessmentStatus.class);
        for (AssessmentStatus status : AssessmentStatus.values()) {
            counts.put(status, 0L);
        }
        if (!scope.everything() && scope.releaseIds().isEmpty()) {
            return counts;
        }
        List<Object[]> rows = scope.everything()
                ? assessments.countByStatus()
                : assessments.countByStatusOfReleases(scope.releaseIds());
        rows.forEach(row -> counts.put((AssessmentStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public void requireReader(Collection<UUID> assessmentIds, Function<UUID, ? extends ProblemException> notFound) {
        if (assessmentIds.isEmpty()) {
            return;
        }
        // The decision requireReader makes, once for the list: the scope names the releases the caller may read.
        ProductScope scope = products.scope();
        Map<UUID, UUID> releases = new HashMap<>();
        assessments
                .findReleaseIdsByIdIn(Set.copyOf(assessmentIds))
                .forEach(row -> releases.put((UUID) row[0], (UUID) row[1]));
        for (UUID id : assessmentIds) {
            UUID releaseId = releases.get(id);
            if (releaseId == null || !scope.includesRelease(releaseId)) {
                throw notFound.apply(id);
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public UUID releaseOf(UUID assessmentId) {
        Supplier<NotFoundException> notFound = () -> new NotFoundException("Assessment", assessmentId);
        UUID releaseId = assessments.findReleaseIdById(assessmentId).orElseThrow(notFound);
        products.requireReleaseReader(releaseId, notFound);
        return releaseId;
    }
}
