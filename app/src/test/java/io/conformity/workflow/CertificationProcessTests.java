package io.conformity.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The certification BPMN on its own: a plain in-memory engine (camunda.cfg.xml), no Spring context, and a
 * recording stand-in for the application's issueDeclarationDelegate. The ids used here are the contract the
 * application code relies on, so a rename in the model must fail these tests.
 */
@Deployment(resources = CertificationProcessTests.BPMN_RESOURCE)
class CertificationProcessTests {

    static final String BPMN_RESOURCE = "conformity/workflows/CertificationProcess.bpmn";

    static final String PROCESS_KEY = "CertificationProcess";
    static final String SUBPROCESS = "SubProcess_Principle";
    static final String SCOPE = "Task_ConfirmScope";
    static final String COLLECT = "Task_CollectEvidence";
    static final String REVIEW = "Task_ReviewPrinciple";
    static final String APPROVE = "Task_ApproveDeclaration";
    static final String ISSUE = "Task_IssueDeclaration";
    static final String DECLARATION_ISSUED = "EndEvent_DeclarationIssued";

    // Class-level 1.0: every flow node and sequence flow, including both loops back, must be taken by some test.
    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(coverageConfiguration())
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Keeps camunda.cfg.xml a plain engine configuration; coverage tracking is added only here. */
    private static ProcessEngineConfiguration coverageConfiguration() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createProcessEngineConfigurationFromResource("camunda.cfg.xml");
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        return configuration;
    }

    private RuntimeService runtimeService;
    private TaskService taskService;
    private HistoryService historyService;
    private RepositoryService repositoryService;
    private ManagementService managementService;
    private RecordingIssueDeclarationDelegate issueDeclarationDelegate;
    private RecordingDeadlineDelegate taskDeadlineDelegate;

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = engine.getProcessEngine();
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        historyService = processEngine.getHistoryService();
        repositoryService = processEngine.getRepositoryService();
        managementService = processEngine.getManagementService();
        BpmnAwareTests.init(processEngine);
        issueDeclarationDelegate = new RecordingIssueDeclarationDelegate();
        Mocks.register("issueDeclarationDelegate", issueDeclarationDelegate);
        Mocks.register("issuancePolicy", new IssuancePolicy());
        Mocks.register("deadlines", new Deadlines());
        taskDeadlineDelegate = new RecordingDeadlineDelegate();
        Mocks.register("taskDeadlineDelegate", taskDeadlineDelegate);
    }

    @AfterEach
    void tearDown() {
        // Mocks and the assert engine are thread-local: leaking them would couple test methods.
        Mocks.reset();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    @Test
    void happyPathIssuesTheDeclarationOnceForTheAssessment() {
        ProcessInstance pi = start("assessment-happy", List.of("1", "2", "3"));

        BpmnAwareTests.assertThat(pi).isStarted().isWaitingAt(COLLECT);
        assertThat(principlesAt(pi, COLLECT)).containsExactlyInAnyOrder("1", "2", "3");

        for (String principle : List.of("1", "2", "3")) {
            collect(pi, principle);
            review(pi, principle, true);
        }

        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE);
        approve(pi, true);

        // The approval only schedules the issuance: nothing is issued until the job runs.
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(ISSUE);
        assertThat(issueDeclarationDelegate.calls).isEmpty();
        issue(pi);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(SUBPROCESS, APPROVE, ISSUE, DECLARATION_ISSUED);
        assertThat(issueDeclarationDelegate.calls)
                .containsExactly(new IssueCall("assessment-happy", "assessment-happy"));
        assertThat(completedCount(pi, "EndEvent_PrincipleAccepted")).isEqualTo(3);
        assertThat(completedCount(pi, DECLARATION_ISSUED)).isEqualTo(1);
    }

    @Test
    void sentBackPrincipleReturnsToEvidenceCollectionUntilAccepted() {
        ProcessInstance pi = start("assessment-send-back", List.of("1", "2"));

        collect(pi, "1");
        review(pi, "1", false);

        assertThat(principlesAt(pi, COLLECT)).containsExactlyInAnyOrder("1", "2");
        assertThat(principlesAt(pi, REVIEW)).isEmpty();
        assertThat(localAccepted(task(pi, COLLECT, "1"))).isFalse();

        collect(pi, "1");
        review(pi, "1", true);
        collect(pi, "2");
        review(pi, "2", true);

        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE);
        assertThat(completedCount(pi, COLLECT)).isEqualTo(3);
        assertThat(completedCount(pi, REVIEW)).isEqualTo(3);

        approve(pi, true);
        issue(pi);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(DECLARATION_ISSUED);
    }

    @Test
    void eachParallelPrincipleDecidesOnItsOwnAcceptedVariable() {
        ProcessInstance pi = start("assessment-isolation", List.of("1", "2", "3"));
        for (String principle : List.of("1", "2", "3")) {
            collect(pi, principle);
        }
        assertThat(principlesAt(pi, REVIEW)).containsExactlyInAnyOrder("1", "2", "3");

        // Exactly the call the application makes: no local-variable API, so the engine must pick the scope.
        taskService.complete(task(pi, REVIEW, "1").getId(), Map.of("accepted", true));
        taskService.complete(task(pi, REVIEW, "2").getId(), Map.of("accepted", false));

        assertThat(principlesAt(pi, COLLECT)).containsExactly("2");
        assertThat(principlesAt(pi, REVIEW)).containsExactly("3");
        assertThat(localAccepted(task(pi, REVIEW, "3"))).isFalse();
        assertThat(localAccepted(task(pi, COLLECT, "2"))).isFalse();
        assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("accepted");

        List<VariableInstance> accepted = runtimeService
                .createVariableInstanceQuery()
                .processInstanceIdIn(pi.getId())
                .variableName("accepted")
                .list();
        assertThat(accepted)
                .hasSize(2)
                .allSatisfy(v -> assertThat(v.getExecutionId()).isNotEqualTo(pi.getId()))
                .extracting(VariableInstance::getValue)
                .containsOnly(false);
        assertThat(accepted).extracting(VariableInstance::getExecutionId).doesNotHaveDuplicates();
        assertThat(openTasks(pi, APPROVE)).isEmpty();

        review(pi, "3", true);
        assertThat(openTasks(pi, APPROVE)).as("principle 2 is still open").isEmpty();

        collect(pi, "2");
        review(pi, "2", true);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE);
    }

    @Test
    void signatoryRejectionReopensOnlyTheNamedPrinciples() {
        ProcessInstance pi = start("assessment-rejected", List.of("1", "2", "3"));
        acceptAll(pi, "1", "2", "3");

        reject(pi, "2");

        // Not isWaitingAtExactly: camunda-bpm-assert counts the multi-instance body and subprocess scopes too.
        BpmnAwareTests.assertThat(pi).isWaitingAt(COLLECT).isNotWaitingAt(REVIEW, APPROVE);
        assertThat(principlesAt(pi, COLLECT)).containsExactly("2");
        // The earlier acceptance must not carry over into the reopened round.
        openTasks(pi, COLLECT).forEach(t -> assertThat(localAccepted(t)).isFalse());
        assertThat(issueDeclarationDelegate.calls).isEmpty();

        acceptAll(pi, "2");
        // A second rejection names two; the multi-instance runs over them only.
        reject(pi, "1", "3");
        assertThat(principlesAt(pi, COLLECT)).containsExactlyInAnyOrder("1", "3");
        acceptAll(pi, "1", "3");
        approve(pi, true);
        issue(pi);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(DECLARATION_ISSUED);
        assertThat(completedCount(pi, APPROVE)).isEqualTo(3);
        assertThat(completedCount(pi, "EndEvent_PrincipleAccepted")).isEqualTo(6);
        assertThat(issueDeclarationDelegate.calls)
                .containsExactly(new IssueCall("assessment-rejected", "assessment-rejected"));
    }

    @Test
    void noCollectionStartsBeforeTheScopeIsConfirmedAndTheConfirmedPrinciplesAreCollected() {
        ProcessInstance pi = startAwaitingScope("assessment-scope", List.of("1", "2", "3"));

        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(SCOPE);
        assertThat(openTasks(pi, COLLECT)).isEmpty();
        Task scope = onlyTask(pi, SCOPE);
        assertThat(scope.getName()).isEqualTo("Confirm scope");
        assertThat(candidateGroups(scope)).containsExactly("compliance-officer");

        // The officer took principle 2 out (all its requirements not applicable) and brought 4 in: the application
        // completes the task with the principles the confirmed scope leaves.
        taskService.complete(scope.getId(), Map.of("principles", List.of("1", "3", "4")));

        assertThat(principlesAt(pi, COLLECT)).containsExactlyInAnyOrder("1", "3", "4");
        acceptAll(pi, "1", "3", "4");
        approve(pi, true);
        issue(pi);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(SCOPE, SUBPROCESS, APPROVE, DECLARATION_ISSUED);
    }

    @Test
    void scopeConfirmedAsComputedCollectsTheCatalogsPrinciples() {
        ProcessInstance pi = startAwaitingScope("assessment-scope-as-computed", List.of("1", "2"));
        taskService.complete(onlyTask(pi, SCOPE).getId(), Map.of("principles", List.of("1", "2")));
        assertThat(principlesAt(pi, COLLECT)).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void eachTaskRemindsBeforeItIsDueAndEscalatesOnceOverdueWhileItKeepsWaiting() {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        ProcessInstance pi = startAwaitingScope("assessment-deadlines", List.of("1"));

        Task scope = onlyTask(pi, SCOPE);
        assertThat(scope.getDueDate()).isEqualTo(Date.from(start.plus(Deadlines.DUE)));
        assertThat(fireTimersAt(
                        pi, start.plus(Deadlines.DUE).minus(Deadlines.BEFORE).minusSeconds(1)))
                .as("nothing before the reminder")
                .isZero();
        assertThat(fireTimersAt(pi, start.plus(Deadlines.DUE).minus(Deadlines.BEFORE)))
                .isEqualTo(1);
        assertThat(fireTimersAt(pi, start.plus(Deadlines.DUE))).isEqualTo(1);
        assertThat(taskDeadlineDelegate.fired)
                .containsExactly(
                        new Fired("Timer_ScopeReminder", "REMINDER", SCOPE, null),
                        new Fired("Timer_ScopeOverdue", "OVERDUE", SCOPE, null));
        // Non-interrupting: the same task still waits for the officer.
        assertThat(onlyTask(pi, SCOPE).getId()).isEqualTo(scope.getId());
        taskService.complete(scope.getId(), Map.of("principles", List.of("1")));

        Instant collectCreated = start.plus(Deadlines.DUE);
        assertThat(task(pi, COLLECT, "1").getDueDate()).isEqualTo(Date.from(collectCreated.plus(Deadlines.DUE)));
        assertThat(fireTimersAt(pi, collectCreated.plus(Deadlines.DUE))).isEqualTo(2);
        collect(pi, "1");
        Instant reviewCreated = collectCreated.plus(Deadlines.DUE);
        assertThat(fireTimersAt(pi, reviewCreated.plus(Deadlines.DUE))).isEqualTo(2);
        review(pi, "1", true);
        Instant approveCreated = reviewCreated.plus(Deadlines.DUE);
        assertThat(fireTimersAt(pi, approveCreated.plus(Deadlines.DUE))).isEqualTo(2);

        assertThat(taskDeadlineDelegate.fired.subList(2, 8))
                .containsExactlyInAnyOrder(
                        new Fired("Timer_CollectReminder", "REMINDER", COLLECT, "1"),
                        new Fired("Timer_CollectOverdue", "OVERDUE", COLLECT, "1"),
                        new Fired("Timer_ReviewReminder", "REMINDER", REVIEW, "1"),
                        new Fired("Timer_ReviewOverdue", "OVERDUE", REVIEW, "1"),
                        new Fired("Timer_ApproveReminder", "REMINDER", APPROVE, null),
                        new Fired("Timer_ApproveOverdue", "OVERDUE", APPROVE, null));
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(APPROVE);
        assertThat(completedCount(pi, "EndEvent_Reminded")).isEqualTo(2);
        assertThat(completedCount(pi, "EndEvent_Escalated")).isEqualTo(2);
        assertThat(completedCount(pi, "EndEvent_PrincipleReminded")).isEqualTo(2);
        assertThat(completedCount(pi, "EndEvent_PrincipleEscalated")).isEqualTo(2);

        // A completed task takes its pending timers with it.
        approve(pi, true);
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .timers()
                        .count())
                .isZero();
        issue(pi);
        BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void evidenceChangedAfterAcceptanceSendsOnlyThatPrincipleBackToReview() {
        ProcessInstance pi = start("assessment-evidence-changed", List.of("1", "2", "3"));
        acceptAll(pi, "1", "2", "3");

        // The application found that principle 2's evidence changed since its acceptance: it is reviewed again,
        // without a new round of evidence collection, and the others stay accepted.
        taskService.complete(
                onlyTask(pi, APPROVE).getId(),
                Map.of("approved", false, "reviewAgain", true, "principlesToReview", List.of("2")));

        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW).isNotWaitingAt(COLLECT, APPROVE);
        assertThat(principlesAt(pi, REVIEW)).containsExactly("2");
        openTasks(pi, REVIEW).forEach(t -> assertThat(localAccepted(t)).isFalse());

        // Sent back in that second review, it loops through collection as any principle does.
        review(pi, "2", false);
        assertThat(principlesAt(pi, COLLECT)).containsExactly("2");
        acceptAll(pi, "2");
        // A later rejection by the signatory reopens the principles it names, to collection.
        reject(pi, "1", "3");
        assertThat(principlesAt(pi, COLLECT)).containsExactlyInAnyOrder("1", "3");
        acceptAll(pi, "1", "3");
        approve(pi, true);
        issue(pi);

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(DECLARATION_ISSUED);
        assertThat(completedCount(pi, APPROVE)).isEqualTo(3);
        assertThat(issueDeclarationDelegate.calls)
                .containsExactly(new IssueCall("assessment-evidence-changed", "assessment-evidence-changed"));
    }

    @Test
    void anIssuanceThatKeepsFailingBecomesAnIncidentAndARetryAfterTheCauseIsGoneIssuesOnce() {
        ProcessInstance pi = start("assessment-incident", List.of("1"));
        acceptAll(pi, "1");
        issueDeclarationDelegate.failuresLeft = 2;
        approve(pi, true);

        // Two attempts, as the configured cycle R2 says, then an incident; the approval is not lost.
        Job job = BpmnAwareTests.job(pi);
        for (int attempt = 1; attempt <= 2; attempt++) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId))
                    .hasMessageContaining("time-stamp server unreachable");
        }
        assertThat(managementService
                        .createJobQuery()
                        .jobId(job.getId())
                        .singleResult()
                        .getRetries())
                .isZero();
        List<Incident> incidents = runtimeService
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo(ISSUE);
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            assertThat(incident.getIncidentMessage()).contains("time-stamp server unreachable");
        });
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly(ISSUE);

        // What the admin's retry does: one more retry; the incident is resolved and the job issues once.
        managementService.setJobRetries(job.getId(), 1);
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        managementService.executeJob(job.getId());
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(DECLARATION_ISSUED);
        assertThat(issueDeclarationDelegate.calls)
                .containsExactly(new IssueCall("assessment-incident", "assessment-incident"));
    }

    @Test
    void issuanceIsAnAsynchronousJobWithTheConfiguredRetryCycle() {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .singleResult()
                .getId());
        ServiceTask issue = model.getModelElementById(ISSUE);
        assertThat(issue.isCamundaAsyncBefore()).isTrue();
        assertThat(issue.getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaFailedJobRetryTimeCycle.class)
                        .singleResult()
                        .getTextContent())
                .isEqualTo("${issuancePolicy.retryCycle}");
    }

    @Test
    void eachUserTaskIsOfferedToItsOwnCandidateGroupOnly() {
        ProcessInstance pi = startAwaitingScope("assessment-groups", List.of("5"));

        Task scope = onlyTask(pi, SCOPE);
        assertThat(candidateGroups(scope)).containsExactly("compliance-officer");
        assertThat(scope.getDueDate()).isNotNull();
        taskService.complete(scope.getId(), Map.of("principles", List.of("5")));

        Task collect = task(pi, COLLECT, "5");
        assertThat(collect.getName()).isEqualTo("Collect evidence");
        assertThat(candidateGroups(collect)).containsExactly("engineer");
        BpmnAwareTests.assertThat(collect).hasCandidateGroup("engineer").isNotAssigned();
        taskService.complete(collect.getId());

        Task review = task(pi, REVIEW, "5");
        assertThat(review.getName()).isEqualTo("Review principle");
        assertThat(candidateGroups(review)).containsExactly("compliance-officer");
        taskService.complete(review.getId(), Map.of("accepted", true));

        Task approve = onlyTask(pi, APPROVE);
        assertThat(approve.getName()).isEqualTo("Approve declaration");
        assertThat(candidateGroups(approve)).containsExactly("signatory");
    }

    @Test
    void definitionHonoursTheNamingRetentionAndDiagramContract() {
        ProcessDefinition definition = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .singleResult();
        assertThat(definition.getName()).isEqualTo("Certification");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);

        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
        assertThat(elements)
                .extracting(BaseElement::getId)
                .allMatch(id -> id.matches("(StartEvent|Task|Gateway|Flow|EndEvent|SubProcess|Timer)_[A-Z][A-Za-z]+"));
        assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> assertThat(node.getDocumentations())
                        .as("documentation of %s", node.getId())
                        .extracting(Documentation::getTextContent)
                        .anyMatch(text -> !text.isBlank()));

        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId())
                .collect(Collectors.toSet());
        assertThat(shapes)
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(FlowNode.class).stream()
                        .map(BaseElement::getId)
                        .toList());
        assertThat(edges)
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(BaseElement::getId)
                        .toList());
    }

    /** Started and its scope confirmed as computed: waiting for evidence on every principle. */
    private ProcessInstance start(String assessmentId, List<String> principles) {
        ProcessInstance pi = startAwaitingScope(assessmentId, principles);
        taskService.complete(onlyTask(pi, SCOPE).getId(), Map.of("principles", principles));
        return pi;
    }

    private ProcessInstance startAwaitingScope(String assessmentId, List<String> principles) {
        return runtimeService.startProcessInstanceByKey(
                PROCESS_KEY, assessmentId, Map.of("assessmentId", assessmentId, "principles", principles));
    }

    /** What the application does for a rejection naming principles. */
    private void reject(ProcessInstance pi, String... principles) {
        taskService.complete(
                onlyTask(pi, APPROVE).getId(),
                Map.of("approved", false, "reviewAgain", false, "principlesToReopen", List.of(principles)));
    }

    /**
     * Sets the engine's clock and runs the process's timer jobs due by then, as the job executor would; returns how
     * many ran.
     */
    private int fireTimersAt(ProcessInstance pi, Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        List<Job> due = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .executable()
                .list();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return due.size();
    }

    private void acceptAll(ProcessInstance pi, String... principles) {
        for (String principle : principles) {
            collect(pi, principle);
            review(pi, principle, true);
        }
    }

    private void collect(ProcessInstance pi, String principle) {
        taskService.complete(task(pi, COLLECT, principle).getId());
    }

    private void review(ProcessInstance pi, String principle, boolean accepted) {
        taskService.complete(task(pi, REVIEW, principle).getId(), Map.of("accepted", accepted));
    }

    private void approve(ProcessInstance pi, boolean approved) {
        taskService.complete(onlyTask(pi, APPROVE).getId(), Map.of("approved", approved));
    }

    /** Runs the issuance job, as the job executor would after the approval committed. */
    private void issue(ProcessInstance pi) {
        BpmnAwareTests.execute(BpmnAwareTests.job(pi));
    }

    private List<Task> openTasks(ProcessInstance pi, String taskKey) {
        return taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey)
                .list();
    }

    private Task onlyTask(ProcessInstance pi, String taskKey) {
        List<Task> tasks = openTasks(pi, taskKey);
        assertThat(tasks).as("open %s tasks", taskKey).hasSize(1);
        return tasks.get(0);
    }

    private Task task(ProcessInstance pi, String taskKey, String principle) {
        List<Task> matching = openTasks(pi, taskKey).stream()
                .filter(t -> principle.equals(principleOf(t)))
                .toList();
        assertThat(matching)
                .as("open %s tasks for principle %s", taskKey, principle)
                .hasSize(1);
        return matching.get(0);
    }

    private List<String> principlesAt(ProcessInstance pi, String taskKey) {
        return openTasks(pi, taskKey).stream().map(this::principleOf).toList();
    }

    private String principleOf(Task task) {
        return (String) runtimeService.getVariable(task.getExecutionId(), "principle");
    }

    /**
     * The accepted flag the task's principle decides on: declared on its inner instance, above the task's own scope
     * (the task is a scope of its own for its timers); the test that no process-level flag exists keeps it per principle.
     */
    private Boolean localAccepted(Task task) {
        return (Boolean) taskService.getVariable(task.getId(), "accepted");
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private long completedCount(ProcessInstance pi, String activityId) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .finished()
                .count();
    }

    record IssueCall(String businessKey, String assessmentId) {}

    /** Stands in for the application's issuancePolicy bean: the retry cycle the BPMN reads. */
    public static final class IssuancePolicy {
        public String getRetryCycle() {
            return "R2/PT1M";
        }
    }

    /** Stands in for the application's deadlines bean: every task is due ten days after it is created. */
    public static final class Deadlines {

        static final Duration DUE = Duration.ofDays(10);
        static final Duration BEFORE = Duration.ofDays(2);

        public Date due(VariableScope execution, String kind) {
            TaskKind.valueOf(kind);
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(DUE));
        }

        public Date reminder(VariableScope execution, String kind) {
            return Date.from(due(execution, kind).toInstant().minus(BEFORE));
        }
    }

    record Fired(String timer, String deadline, String attachedTo, String principle) {}

    /** Stands in for the application's taskDeadlineDelegate: records which timer fired, on which task. */
    static final class RecordingDeadlineDelegate implements ExecutionListener {

        final List<Fired> fired = new ArrayList<>();

        @Override
        public void notify(DelegateExecution execution) {
            BoundaryEvent timer = (BoundaryEvent) execution.getBpmnModelElementInstance();
            String deadline = timer.getExtensionElements()
                    .getElementsQuery()
                    .filterByType(CamundaProperties.class)
                    .singleResult()
                    .getCamundaProperties()
                    .iterator()
                    .next()
                    .getCamundaValue();
            fired.add(new Fired(timer.getId(), deadline, timer.getAttachedTo().getId(), (String)
                    execution.getVariable("principle")));
        }
    }

    /** Stands in for the application's delegate so the BPMN can be tested without the Spring context. */
    static final class RecordingIssueDeclarationDelegate implements JavaDelegate {

        final List<IssueCall> calls = new ArrayList<>();
        int failuresLeft;

        @Override
        public void execute(DelegateExecution execution) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("time-stamp server unreachable");
            }
            calls.add(new IssueCall(execution.getProcessBusinessKey(), (String) execution.getVariable("assessmentId")));
        }
    }
}
