package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConversationEntry;
import io.conformity.assessment.PrincipleConversation;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Crosswalk;
import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationView;
import io.conformity.evidence.CarryOverApi;
import io.conformity.evidence.CarryOverView;
import io.conformity.evidence.DeclarationKindView;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceView;
import io.conformity.evidence.FindingView;
import io.conformity.evidence.Provision;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.product.ProductApi;
import io.conformity.product.ReleaseDetails;
import io.conformity.signoff.SignoffApi;
import io.conformity.signoff.SignoffView;
import io.conformity.workflow.RequirementSheet;
import io.conformity.workflow.Suggestion;
import io.conformity.workflow.TaskView;
import io.conformity.workflow.WorkflowApi;

/**
 * Gathers what the assessment page shows from the facades the API reads: the page is drawn for a GET and again
 * when a form on it is refused, with the refusal at its form.
 */
@Component
class AssessmentPage {

    static final String VIEW = "ui/assessments/assessment";

    private final AssessmentApi assessments;
    private final PrincipleConversation conversation;
    private final WorkflowApi workflow;
    private final SignoffApi signoffs;
    private final EvidenceApi evidence;
    private final ProductApi products;
    private final DeclarationApi declarations;
    private final CatalogApi catalog;
    private final CarryOverApi carryOver;
    private final IdentityApi identity;

    AssessmentPage(
            AssessmentApi assessments,
            PrincipleConversation conversation,
            WorkflowApi workflow,
            SignoffApi signoffs,
            EvidenceApi evidence,
            ProductApi products,
            DeclarationApi declarations,
            CatalogApi catalog,
            CarryOverApi carryOver,
            IdentityApi identity) {
        this.assessments = assessments;
        this.conversation = conversation;
        this.workflow = workflow;
        this.signoffs = signoffs;
        this.evidence = evidence;
        this.products = products;
        this.declarations = declarations;
        this.catalog = catalog;
        this.carryOver = carryOver;
        this.identity = identity;
    }

    /** The assessment's header, workflow and principles. */
    record View(
            AssessmentView assessment,
            ReleaseDetails release,
            List<TaskView> tasks,
            List<Principle> principles,
            List<DeclarationView> declarations,
            CarryOverView.Previous previous) {

        /** How many principles stand where, in the order work moves through them. */
        public Map<PrincipleState, Long> states() {
            Map<PrincipleState, Long> counts = new LinkedHashMap<>();
            for (PrincipleState state : PrincipleState.values()) {
                long n = principles.stream().filter(p -> p.state() == state).count();
                if (n > 0) {
                    counts.put(state, n);
                }
            }
            return counts;
        }

        public String principleLabel(String code) {
            return principles.stream()
                    .filter(p -> p.code().equals(code))
                    .map(Principle::label)
                    .findFirst()
                    .orElse(code);
        }
    }

    /**
     * One principle (cross-walk topic) of the assessment.
     *
     * @param state where it stands, by the dashboard's rule, so both pages say the same of it
     * @param offer the previous release's evidence of this principle, null without a previous assessment
     */
    record Principle(
            String code,
            String title,
            PrincipleState state,
            List<Requirement> requirements,
            List<SignoffView> signoffs,
            List<ConversationEntry> conversation,
            CarryOverView.PrincipleOffer offer,
            List<TaskView> tasks) {

        /** A cross-walk topic with a UK CoP number reads "5. Title"; one with a slug for its code, its title. */
        public String label() {
            return code.chars().allMatch(Character::isDigit) ? code + ". " + title : title;
        }

        /** Whether the form that {@code form} names (a comment, an upload, a statement) belongs to this principle. */
        public boolean holds(String form) {
            return form != null
                    && (form.endsWith("-" + code)
                            || requirements.stream()
                                    .anyMatch(r ->
                                            form.endsWith(r.requirement().id().toString())));
        }

        public long findings() {
            return requirements.stream().mapToLong(r -> r.findings().size()).sum();
        }

        public long applicable() {
            return requirements.stream()
                    .filter(r -> r.requirement().applicable())
                    .count();
        }

        public long covered() {
            return requirements.stream()
                    .filter(r -> r.requirement().applicable()
                            && (!r.evidence().isEmpty() || r.requirement().noEvidenceStatement() != null))
                    .count();
        }
    }

    /** A requirement with what evidences it; the suggestion is null for a requirement not applicable. */
    record Requirement(
            RequirementAssessmentView requirement,
            List<EvidenceView> evidence,
            List<FindingView> findings,
            Suggestion suggestion,
            List<DeclarationKindView> declarationKinds) {}

    /** Fills the model of the page; the caller's read access is checked by the assessment's own read. */
    Model fill(UUID assessmentId, Model model) {
        model.addAttribute("page", view(assessmentId));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
            model.addAttribute("errorsFor", "");
        }
        model.addAttribute("noErrors", FormErrors.NONE);
        return model;
    }

    /** As {@link #fill}, with a refusal shown at the form {@code form} and what was typed there. */
    Model fill(UUID assessmentId, Model model, String form, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("errors", errors);
        model.addAttribute("errorsFor", form);
        model.addAttribute("typed", typed);
        return fill(assessmentId, model);
    }

    View view(UUID assessmentId) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        List<ConversationEntry> said = conversation.of(assessmentId);
        ReleaseDetails release = products.releaseDetails(assessment.releaseId());
        CurrentUser user = identity.currentUser();
        List<TaskView> tasks = workflow.tasks(user, assessmentId);
        Map<String, List<SignoffView>> decisions = signoffs.ofAssessment(assessmentId).stream()
                .filter(s -> s.principle() != null)
                .collect(Collectors.groupingBy(SignoffView::principle, LinkedHashMap::new, Collectors.toList()));
        CarryOverView offer = offer(user, assessmentId);
        Map<String, CarryOverView.PrincipleOffer> offers = offer == null
                ? Map.of()
                : offer.principles().stream()
                        .collect(Collectors.toMap(CarryOverView.PrincipleOffer::principle, Function.identity()));
        Map<String, String> titles = catalog.crosswalk().topics().stream()
                .collect(Collectors.toMap(Crosswalk.Topic::code, Crosswalk.Topic::title, (a, b) -> a));
        List<DeclarationKindView> kinds = evidence.declarationKinds();

        Map<String, List<RequirementAssessmentView>> byPrinciple = new LinkedHashMap<>();
        assessment
                .requirements()
                .forEach(r -> byPrinciple
                        .computeIfAbsent(r.principle(), p -> new ArrayList<>())
                        .add(r));
        // Every principle's evidence and findings in one read, not one read per principle.
        Map<UUID, RequirementSheet> sheets =
                assessment.requirements().stream().anyMatch(RequirementAssessmentView::applicable)
                        ? workflow.requirementSheets(assessmentId).stream()
                                .collect(Collectors.toMap(s -> s.requirement().id(), Function.identity()))
                        : Map.of();
        List<Principle> principles = new ArrayList<>();
        byPrinciple.forEach((code, requirements) -> {
            List<Requirement> rows = requirements.stream()
                    .map(r -> {
                        RequirementSheet sheet = sheets.get(r.id());
                        return new Requirement(
                                r,
                                sheet == null ? List.of() : sheet.evidence(),
                                sheet == null ? List.of() : sheet.findings(),
                                sheet == null ? null : sheet.suggestion(),
                                kindsFor(r, kinds));
                    })
                    .toList();
            principles.add(new Principle(
                    code,
                    titles.getOrDefault(code, "Principle " + code),
                    PrincipleStates.state(requirements),
                    rows,
                    decisions.getOrDefault(code, List.of()),
                    said.stream()
                            .filter(e -> e.principle() == null || e.principle().equals(code))
                            .toList(),
                    offers.get(code),
                    tasks.stream().filter(t -> code.equals(t.principle())).toList()));
        });
        return new View(
                assessment,
                release,
                tasks,
                principles,
                declarations.allOfAssessment(assessmentId),
                offer == null ? null : offer.previous());
    }

    /** The previous release's offer; only the working roles may read it, and a page without it still helps. */
    private CarryOverView offer(CurrentUser user, UUID assessmentId) {
        if (!(user.has(Role.ENGINEER) || user.has(Role.COMPLIANCE_OFFICER) || user.has(Role.SIGNATORY))) {
            return null;
        }
        try {
            CarryOverView offer = carryOver.offer(assessmentId);
            return offer.previous() == null ? null : offer;
        } catch (ProblemException e) {
            return null;
        }
    }

    /** The structured declarations that evidence this requirement directly. */
    private static List<DeclarationKindView> kindsFor(RequirementAssessmentView r, List<DeclarationKindView> kinds) {
        Provision provision = new Provision(r.frameworkUrn(), r.requirementId());
        return kinds.stream().filter(k -> k.provisions().contains(provision)).toList();
    }

    /**
     * The requirement, when it belongs to the assessment the address names: one of another assessment is as unknown
     * as one that does not exist.
     */
    RequirementAssessmentView requirementOf(UUID assessmentId, UUID requirementId) {
        RequirementAssessmentView requirement = assessments.requirement(requirementId);
        if (!requirement.assessmentId().equals(assessmentId)) {
            throw new NotFoundException("Requirement assessment", requirementId);
        }
        return requirement;
    }
}
