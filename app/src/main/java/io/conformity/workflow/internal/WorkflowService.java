package io.conformity.workflow.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConversationEntry;
import io.conformity.assessment.PrincipleConversation;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.Verdict;
import io.conformity.assessment.VerdictCommand;
import io.conformity.audit.Audited;
import io.conformity.declaration.DeclarationApi;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.RequirementEvidence;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.Role;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductScope;
import io.conformity.signoff.Decision;
import io.conformity.signoff.SignoffApi;
import io.conformity.workflow.ApproveCommand;
import io.conformity.workflow.CloseCommand;
import io.conformity.workflow.IssuanceIncidentView;
import io.conformity.workflow.RequirementSheet;
import io.conformity.workflow.ReviewCommand;
import io.conformity.workflow.ScopeCommand;
import io.conformity.workflow.SubmitCommand;
import io.conformity.workflow.TaskDetail;
import io.conformity.workflow.TaskKind;
import io.conformity.workflow.TaskView;
import io.conformity.workflow.WorkflowApi;

@Service
@Validated
@Transactional
class WorkflowService implements WorkflowApi {

    static final String ISSUE_DECLARATION = "Task_IssueDeclaration";

    private final TaskService tasks;
    private final AssessmentApi assessments;
    private final SignoffApi signoffs;
    private final EvidenceApi evidence;
    private final ProvisionVerdicts verdicts;
    private final DeclarationApi declarations;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProductApi products;
    private final ApplicationEventPublisher events;
    private final PrincipleConversation conversation;

    WorkflowService(
            TaskService tasks,
            AssessmentApi assessments,
            SignoffApi signoffs,
            EvidenceApi evidence,
            ProvisionVerdicts verdicts,
            DeclarationApi declarations,
            RuntimeService runtime,
            ManagementService management,
            ProductApi products,
            ApplicationEventPublisher events,
            PrincipleConversation conversation) {
        this.conversation = conversation;
        this.products = products;
        this.events = events;
        this.tasks = tasks;
        this.assessments = assessments;
        this.signoffs = signoffs;
        this.evidence = evidence;
        this.verdicts = verdicts;
        this.declarations = declarations;
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> tasks(CurrentUser user, UUID assessmentId) {
        List<String> groups = user.roles().stream().map(Role::group).toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        TaskQuery query = tasks.createTaskQuery()
                .processDefinitionKey(CertificationProcessStarter.PROCESS_KEY)
                .taskCandidateGroupIn(groups);
        if (assessmentId != null) {
            assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
            query.processInstanceBusinessKey(assessmentId.toString());
        }
        // The inbox holds the tasks of the caller's products only: the product of each assessment is looked up
        // once per list, not once per task.
        ProductScope scope = products.scope();
        Map<UUID, Boolean> visible = new HashMap<>();
        return query.orderByTaskCreateTime().asc().list().stream()
                .map(this::view)
                .filter(t -> scope.everything()
                        || visible.computeIfAbsent(
                                t.assessmentId(), a -> scope.includesProduct(assessments.productOf(a))))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public TaskDetail task(CurrentUser user, String taskId) {
        Task task = findVisible(taskId);
        TaskKind kind = kindOf(task);
        requireRole(user, kind);
        TaskView view = view(task);
        List<ConversationEntry> said = conversation.of(view.assessmentId());
        if (view.principle() == null) {
            // The scope step and the approval concern the whole assessment, whose view lists every requirement.
            return new TaskDetail(view, List.of(), said);
        }
        return new TaskDetail(
                view,
                sheets(view.assessmentId(), view.principle()),
                said.stream()
                        .filter(e -> e.principle() == null || e.principle().equals(view.principle()))
                        .toList());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequirementSheet> requirements(CurrentUser user, String taskId) {
        Task task = findVisible(taskId);
        TaskKind kind = kindOf(task);
        requireRole(user, kind);
        if (!kind.ofPrinciple()) {
            throw new ProblemException(
                    ProblemType.WRONG_TASK_KIND,
                    "Task " + taskId + " is " + kind + "; it has no principle. The assessment lists its requirements.");
        }
        return sheets(assessmentOf(task), principleOf(task));
    }

    private List<RequirementSheet> sheets(UUID assessmentId, String principle) {
        return sheets(evidence.ofPrinciple(assessmentId, principle), assessments.requirements(assessmentId, principle));
    }

    private List<RequirementSheet> sheets(List<RequirementEvidence> found, List<RequirementAssessmentView> rows) {
        Map<UUID, RequirementEvidence> byRequirement = new HashMap<>();
        found.forEach(e -> byRequirement.put(e.requirementAssessmentId(), e));
        return rows.stream()
                .filter(RequirementAssessmentView::applicable)
                .map(r -> {
                    RequirementEvidence e = byRequirement.get(r.id());
                    return new RequirementSheet(r, e.evidence(), e.findings(), verdicts.suggest(r, e));
                })
                .toList();
    }

    @Override
    public void confirmScope(CurrentUser user, String taskId, ScopeCommand command) {
        Task task = lockForCompletion(user, taskId, TaskKind.CONFIRM_SCOPE);
        UUID assessmentId = assessmentOf(task);
        assessments.confirmScope(assessmentId, command.overrides(), user.username());
        signoffs.record(
                assessmentId,
                null,
                task.getId(),
                Decision.SCOPE_CONFIRMED,
                user.username(),
                Role.COMPLIANCE_OFFICER.group(),
                command.comment());
        // The assessment module's AssessmentScopeConfirmed has completed the task with the principles in scope
        // (CertificationProcessStarter), in this transaction.
        completed(task, assessmentId, null, "scope-confirmed", command.comment());
    }

    @Override
    public void submit(CurrentUser user, String taskId, SubmitCommand command) {
        Task task = lockForCompletion(user, taskId, TaskKind.COLLECT_EVIDENCE);
        UUID assessmentId = assessmentOf(task);
        String principle = principleOf(task);
        // Under the assessment's lock, which an upload also takes: what is counted here is what the sign-off covers.
        List<RequirementSheet> uncovered = sheets(assessmentId, principle).stream()
                .filter(s -> s.evidence().isEmpty() && s.requirement().noEvidenceStatement() == null)
                .toList();
        if (!uncovered.isEmpty()) {
            throw new ProblemException(
                    ProblemType.EVIDENCE_MISSING,
                    "Principle " + principle + " cannot be submitted: no evidence and no statement of why none exists"
                            + " for " + labels(uncovered) + ". Upload evidence or state why there is none.",
                    Map.of("requirementAssessmentIds", ids(uncovered)));
        }
        assessments.submitPrinciple(assessmentId, principle);
        signoffs.record(
                assessmentId,
                principle,
                task.getId(),
                Decision.SUBMITTED,
                user.username(),
                Role.ENGINEER.group(),
                command.comment());
        tasks.complete(task.getId());
        completed(task, assessmentId, principle, "submitted", command.comment());
    }

    @Override
    public void review(CurrentUser user, String taskId, ReviewCommand command) {
        Task task = lockForCompletion(user, taskId, TaskKind.REVIEW_PRINCIPLE);
        List<String> repeated = command.repeatedVerdicts();
        if (!repeated.isEmpty()) {
            throw new InvalidInputException(
                    "A requirement may have one verdict per review; nothing was recorded.",
                    repeated.stream()
                            .map(pointer -> InvalidInputException.at(
                                    pointer, "names a requirement that an earlier verdict already judges"))
                            .toList());
        }
        UUID assessmentId = assessmentOf(task);
        String principle = principleOf(task);
        boolean accept = command.decision() == ReviewCommand.Outcome.ACCEPT;
        requireJustifiedOverrides(assessmentId, principle, command.verdicts());
        assessments.reviewPrinciple(assessmentId, principle, command.verdicts(), accept);
        signoffs.record(
                assessmentId,
                principle,
                task.getId(),
                accept ? Decision.ACCEPTED : Decision.SENT_BACK,
                user.username(),
                Role.COMPLIANCE_OFFICER.group(),
                command.comment());
        tasks.complete(task.getId(), Map.of(ProcessVariables.ACCEPTED, accept));
        completed(task, assessmentId, principle, accept ? "accepted" : "sent-back", command.comment());
    }

    /**
     * Before anything is approved, every acceptance is compared with the evidence its principle rests on now. When
     * some became void, the approval is refused (409) but what was found is kept (hence no rollback for that refusal):
     * the acceptances stay recorded as void and their principles are back in review, so the approval task is gone
     * until they are accepted again.
     */
    @Override
    @Transactional(noRollbackFor = SignoffVoidException.class)
    public void approve(CurrentUser user, String taskId, ApproveCommand command) {
        Task task = lockForCompletion(user, taskId, TaskKind.APPROVE_DECLARATION);
        UUID assessmentId = assessmentOf(task);
        boolean approve = command.decision() == ApproveCommand.Outcome.APPROVE;
        List<String> reopen = approve ? List.of() : principlesToReopen(task, command.reopen());
        if (approve) {
            List<String> reopened = signoffs.voidStale(assessmentId);
            if (!reopened.isEmpty()) {
                reopened.forEach(principle -> assessments.reviewAgain(assessmentId, principle));
                tasks.complete(
                        task.getId(),
                        Map.of(
                                ProcessVariables.APPROVED,
                                false,
                                ProcessVariables.REVIEW_AGAIN,
                                true,
                                ProcessVariables.PRINCIPLES_TO_REVIEW,
                                List.copyOf(reopened)));
                throw new SignoffVoidException(assessmentId, reopened);
            }
        }
        signoffs.record(
                assessmentId,
                null,
                task.getId(),
                approve ? Decision.APPROVED : Decision.REJECTED,
                user.username(),
                Role.SIGNATORY.group(),
                command.comment());
        if (approve) {
            // A statement issued on the release since this assessment was opened must be superseded knowingly.
            declarations.requireSupersessionStated(assessmentId);
            assessments.approve(
                    assessmentId, user.username(), command.placeOfIssue().strip());
        } else {
            assessments.reject(assessmentId, reopen);
            // Each reopened principle's history says why it came back, for the engineer and the officer.
            for (ApproveCommand.Reopen r : command.reopen()) {
                signoffs.record(
                        assessmentId,
                        r.principle().strip(),
                        task.getId(),
                        Decision.REJECTED,
                        user.username(),
                        Role.SIGNATORY.group(),
                        r.reason().strip());
            }
        }
        // On approval the engine only schedules Task_IssueDeclaration (asyncBefore): rendering, signing and
        // time-stamping run in a job, so a slow time-stamp server does not hold the signatory's request.
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.APPROVED, approve);
        variables.put(ProcessVariables.REVIEW_AGAIN, false);
        if (!approve) {
            variables.put(ProcessVariables.PRINCIPLES_TO_REOPEN, new ArrayList<>(reopen));
        }
        tasks.complete(task.getId(), variables);
        completed(task, assessmentId, null, approve ? "approved" : "rejected", command.comment());
    }

    @Override
    public AssessmentView closeNotCertified(CurrentUser user, UUID assessmentId, CloseCommand command) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        assessments.requireMember(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        requireNotAdministrator(user);
        assessments.lock(assessmentId);
        String reason = command.reason().strip();
        assessments.closeNotCertified(assessmentId, user.username(), reason);
        signoffs.record(
                assessmentId, null, null, Decision.CLOSED, user.username(), Role.COMPLIANCE_OFFICER.group(), reason);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(CertificationProcessStarter.PROCESS_KEY)
                .processInstanceBusinessKey(assessmentId.toString())
                .singleResult();
        if (instance != null) {
            runtime.deleteProcessInstance(instance.getId(), "Closed as not certifiable: " + reason);
            events.publishEvent(new Audited(
                    "process.ended",
                    "assessment",
                    assessmentId.toString(),
                    Map.of("process", CertificationProcessStarter.PROCESS_KEY, "reason", reason),
                    instance.getId(),
                    null));
        }
        return assessments.assessment(assessmentId);
    }

    /**
     * The principles a rejection names, checked against the assessment's scope (the process's {@code principles}):
     * at least one, each once, each with a reason; 400 at the JSON Pointer of each fault, before anything is recorded.
     */
    private List<String> principlesToReopen(Task task, List<ApproveCommand.Reopen> named) {
        @SuppressWarnings("unchecked")
        List<String> inScope =
                (List<String>) runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.PRINCIPLES);
        if (named.isEmpty()) {
            throw new InvalidInputException(
                    "A rejection names the principles to reopen, each with a reason; nothing was recorded.",
                    List.of(InvalidInputException.at(
                            "/reopen", "name at least one principle of " + String.join(", ", inScope))));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < named.size(); i++) {
            ApproveCommand.Reopen r = named.get(i);
            String principle = r.principle() == null ? null : r.principle().strip();
            if (principle == null || principle.isEmpty()) {
                errors.add(InvalidInputException.at("/reopen/" + i + "/principle", "is required"));
            } else if (!inScope.contains(principle)) {
                errors.add(InvalidInputException.at(
                        "/reopen/" + i + "/principle",
                        "is not a principle in the assessment's scope (" + String.join(", ", inScope) + ")"));
            } else if (!seen.add(principle)) {
                errors.add(InvalidInputException.at("/reopen/" + i + "/principle", "is named twice"));
            }
            if (r.reason() == null || r.reason().isBlank()) {
                errors.add(InvalidInputException.at(
                        "/reopen/" + i + "/reason", "is required: the engineer reads why the principle came back"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The principles to reopen have " + errors.size() + " problem(s); nothing was recorded.", errors);
        }
        return List.copyOf(seen);
    }

    /** The process's side of a decision: which task of which process instance it completed. */
    private void completed(Task task, UUID assessmentId, String principle, String outcome, String comment) {
        Map<String, Object> change = new HashMap<>();
        change.put("taskId", task.getId());
        change.put("task", task.getTaskDefinitionKey());
        change.put("principle", principle);
        change.put("outcome", outcome);
        change.put("comment", comment);
        events.publishEvent(new Audited(
                "task.completed", "assessment", assessmentId.toString(), change, task.getProcessInstanceId(), null));
    }

    @Override
    @Transactional(readOnly = true)
    public List<IssuanceIncidentView> issuanceIncidents() {
        return runtime
                .createIncidentQuery()
                .processDefinitionKeyIn(CertificationProcessStarter.PROCESS_KEY)
                .activityId(ISSUE_DECLARATION)
                .incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .orderByIncidentTimestamp()
                .asc()
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    @Override
    public void retryIssuance(String incidentId) {
        Incident incident = runtime.createIncidentQuery()
                .incidentId(incidentId)
                .activityId(ISSUE_DECLARATION)
                .incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .singleResult();
        if (incident == null) {
            throw new NotFoundException("Issuance incident", incidentId);
        }
        // The incident's configuration is its job; giving the job a retry resolves the incident, and a due date of
        // now lets the job executor pick it up on its next round.
        String jobId = incident.getConfiguration();
        management.setJobRetries(jobId, 1);
        management.setJobDuedate(jobId, new Date());
        String assessmentId = (String) runtime.getVariable(incident.getExecutionId(), ProcessVariables.ASSESSMENT_ID);
        Map<String, Object> change = new HashMap<>();
        change.put("incidentId", incidentId);
        change.put("jobId", jobId);
        change.put("incidentMessage", incident.getIncidentMessage());
        events.publishEvent(new Audited(
                "issuance.retried",
                assessmentId == null ? "process-instance" : "assessment",
                assessmentId == null ? incident.getProcessInstanceId() : assessmentId,
                change,
                incident.getProcessInstanceId(),
                null));
    }

    private IssuanceIncidentView view(Incident incident) {
        String assessmentId = (String) runtime.getVariable(incident.getExecutionId(), ProcessVariables.ASSESSMENT_ID);
        return new IssuanceIncidentView(
                incident.getId(),
                assessmentId == null ? null : UUID.fromString(assessmentId),
                incident.getIncidentMessage(),
                incident.getIncidentTimestamp().toInstant());
    }

    /** Passing a requirement whose evidence suggests FAIL needs the officer's reason, which the annex prints. */
    private void requireJustifiedOverrides(UUID assessmentId, String principle, List<VerdictCommand> given) {
        Map<UUID, RequirementSheet> sheets = new HashMap<>();
        sheets(assessmentId, principle).forEach(s -> sheets.put(s.requirement().id(), s));
        List<RequirementSheet> unjustified = given.stream()
                .filter(v -> v.verdict() == Verdict.PASS)
                .filter(v -> v.justification() == null || v.justification().isBlank())
                .map(v -> sheets.get(v.requirementAssessmentId()))
                .filter(s -> s != null && s.suggestion().verdict() == Verdict.FAIL)
                .toList();
        if (!unjustified.isEmpty()) {
            throw new ProblemException(
                    ProblemType.JUSTIFICATION_MISSING,
                    "The evidence suggests FAIL for " + labels(unjustified)
                            + "; a PASS needs a justification, which the declaration's annex records. Nothing was"
                            + " recorded.",
                    Map.of("requirementAssessmentIds", ids(unjustified)));
        }
    }

    private static String labels(List<RequirementSheet> sheets) {
        return String.join(
                ", ",
                sheets.stream()
                        .map(s -> s.requirement().frameworkVersion() + " "
                                + s.requirement().requirementId())
                        .toList());
    }

    private static List<UUID> ids(List<RequirementSheet> sheets) {
        return sheets.stream().map(s -> s.requirement().id()).toList();
    }

    /**
     * The task, once this transaction holds its assessment's lock: completions on one assessment run one at a
     * time, so of two people completing the same task one wins and the other is told it is done (409), instead
     * of both racing into the engine's optimistic lock.
     */
    private Task lockForCompletion(CurrentUser user, String taskId, TaskKind expected) {
        Task task = find(taskId);
        UUID assessmentId = assessmentOf(task);
        assessments.requireReader(assessmentId, () -> new NotFoundException("Task", taskId));
        assessments.requireMember(assessmentId, () -> new NotFoundException("Task", taskId));
        TaskKind kind = kindOf(task);
        requireRole(user, kind);
        requireNotAdministrator(user);
        if (kind != expected) {
            throw new ProblemException(
                    ProblemType.WRONG_TASK_KIND, "Task " + taskId + " is " + kind + ", not " + expected + ".");
        }
        assessments.lock(assessmentId);
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            throw completed(taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
        }
        return task;
    }

    private static void requireNotAdministrator(CurrentUser user) {
        if (user.has(Role.ADMIN)) {
            // Whoever can grant roles and memberships could grant them to themselves: the accounts that administer
            // the installation never sign off, whatever other roles they hold.
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "Administrator accounts do not sign off; use an account without the administrator role.");
        }
    }

    private static void requireRole(CurrentUser user, TaskKind kind) {
        if (!user.has(kind.role())) {
            throw new AccessDeniedException("Task needs role " + kind.role());
        }
    }

    /** The task, when the caller may read its assessment; else the same 404 as an unknown task. */
    private Task findVisible(String taskId) {
        Task task = find(taskId);
        assessments.requireReader(assessmentOf(task), () -> new NotFoundException("Task", taskId));
        return task;
    }

    private Task find(String taskId) {
        Task task = tasks.createTaskQuery()
                .taskId(taskId)
                .processDefinitionKey(CertificationProcessStarter.PROCESS_KEY)
                .singleResult();
        if (task == null) {
            throw completed(taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
        }
        return task;
    }

    private Optional<ProblemException> completed(String taskId) {
        return signoffs.ofTask(taskId).map(decision -> {
            assessments.requireReader(decision.assessmentId(), () -> new NotFoundException("Task", taskId));
            return new ProblemException(
                    ProblemType.TASK_COMPLETED,
                    "Task " + taskId + " was already completed: " + decision.decision() + " by " + decision.actor()
                            + " at " + decision.decidedAt() + ".",
                    Map.of("decision", decision.decision(), "actor", decision.actor()));
        });
    }

    private static TaskKind kindOf(Task task) {
        return TaskKind.ofElement(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("Unknown task " + task.getTaskDefinitionKey()));
    }

    private UUID assessmentOf(Task task) {
        Object assessmentId;
        try {
            assessmentId = tasks.getVariable(task.getId(), ProcessVariables.ASSESSMENT_ID);
        } catch (NullValueException | OptimisticLockingException gone) {
            assessmentId = null;
        }
        if (assessmentId instanceof String id) {
            return UUID.fromString(id);
        }
        // Completed by someone else since it was found (the engine then throws, or finds no variable, depending on
        // how far their commit got): the same answer as for a task found completed, or a plain conflict if their
        // decision is not visible yet.
        throw completed(task.getId())
                .orElseGet(() -> new ProblemException(
                        ProblemType.CONCURRENT_UPDATE,
                        "Task " + task.getId() + " was completed by someone else meanwhile; reload it."));
    }

    private String principleOf(Task task) {
        return (String) tasks.getVariable(task.getId(), ProcessVariables.PRINCIPLE);
    }

    private TaskView view(Task task) {
        TaskKind kind = kindOf(task);
        Map<String, Object> variables =
                tasks.getVariables(task.getId(), List.of(ProcessVariables.ASSESSMENT_ID, ProcessVariables.PRINCIPLE));
        String role = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId())
                .findFirst()
                .orElse(kind.role().group());
        return new TaskView(
                task.getId(),
                kind,
                task.getName(),
                UUID.fromString((String) variables.get(ProcessVariables.ASSESSMENT_ID)),
                kind.ofPrinciple() ? (String) variables.get(ProcessVariables.PRINCIPLE) : null,
                role,
                task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                // The engine's clock: the one the overdue timer fires on.
                task.getDueDate() != null && ClockUtil.getCurrentTime().after(task.getDueDate()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequirementSheet> requirementSheets(UUID assessmentId, String principle) {
        assessments.requireReader(assessmentId, () -> new NotFoundException("Assessment", assessmentId));
        return sheets(assessmentId, principle);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequirementSheet> requirementSheets(UUID assessmentId) {
        // Each read checks the caller may read the assessment, once for all principles; none is read per principle.
        List<RequirementEvidence> found = evidence.ofPrinciple(assessmentId, null);
        return sheets(found, assessments.assessment(assessmentId).requirements());
    }
}
