package io.conformity.workflow.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ProblemResponses;
import io.conformity.workflow.ApproveCommand;
import io.conformity.workflow.RequirementSheet;
import io.conformity.workflow.ReviewCommand;
import io.conformity.workflow.ScopeCommand;
import io.conformity.workflow.SubmitCommand;
import io.conformity.workflow.TaskDetail;
import io.conformity.workflow.TaskView;
import io.conformity.workflow.WorkflowApi;

@RestController
@RequestMapping("/api/v1/tasks")
@PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
class TaskController {

    private final WorkflowApi workflow;
    private final IdentityApi identity;

    TaskController(WorkflowApi workflow, IdentityApi identity) {
        this.workflow = workflow;
        this.identity = identity;
    }

    @GetMapping
    List<TaskView> tasks(@RequestParam(required = false) UUID assessmentId) {
        return workflow.tasks(identity.currentUser(), assessmentId);
    }

    @GetMapping("/{taskId}")
    @ProblemResponses({ProblemType.FORBIDDEN, ProblemType.TASK_COMPLETED})
    TaskDetail task(@PathVariable String taskId) {
        return workflow.task(identity.currentUser(), taskId);
    }

    @GetMapping("/{taskId}/requirements")
    @ProblemResponses({ProblemType.FORBIDDEN, ProblemType.TASK_COMPLETED, ProblemType.WRONG_TASK_KIND})
    List<RequirementSheet> requirements(@PathVariable String taskId) {
        return workflow.requirements(identity.currentUser(), taskId);
    }

    @PostMapping("/{taskId}/scope")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponses({
        ProblemType.FORBIDDEN,
        ProblemType.WRONG_TASK_KIND,
        ProblemType.TASK_COMPLETED,
        ProblemType.SCOPE_OVERRIDE_REFUSED,
        ProblemType.CONCURRENT_UPDATE
    })
    ResponseEntity<Void> confirmScope(
            @PathVariable String taskId, @RequestBody(required = false) ScopeCommand command) {
        workflow.confirmScope(identity.currentUser(), taskId, command == null ? new ScopeCommand(null, null) : command);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/submit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponses({
        ProblemType.FORBIDDEN,
        ProblemType.WRONG_TASK_KIND,
        ProblemType.TASK_COMPLETED,
        ProblemType.EVIDENCE_MISSING,
        ProblemType.CONCURRENT_UPDATE
    })
    ResponseEntity<Void> submit(@PathVariable String taskId, @RequestBody(required = false) SubmitCommand command) {
        workflow.submit(identity.currentUser(), taskId, command == null ? new SubmitCommand(null) : command);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponses({
        ProblemType.FORBIDDEN,
        ProblemType.SEPARATION_OF_DUTIES,
        ProblemType.WRONG_TASK_KIND,
        ProblemType.TASK_COMPLETED,
        ProblemType.REQUIREMENT_NOT_IN_PRINCIPLE,
        ProblemType.NOT_APPLICABLE,
        ProblemType.VERDICT_MISSING,
        ProblemType.MANDATORY_REQUIREMENT_FAILED,
        ProblemType.JUSTIFICATION_MISSING,
        ProblemType.CONCURRENT_UPDATE
    })
    ResponseEntity<Void> review(@PathVariable String taskId, @RequestBody ReviewCommand command) {
        workflow.review(identity.currentUser(), taskId, command);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponses({
        ProblemType.FORBIDDEN,
        ProblemType.SEPARATION_OF_DUTIES,
        ProblemType.WRONG_TASK_KIND,
        ProblemType.TASK_COMPLETED,
        ProblemType.MANDATORY_REQUIREMENT_FAILED,
        ProblemType.JUSTIFICATION_MISSING,
        ProblemType.SUPPORT_PERIOD_ENDED,
        ProblemType.CONFORMITY_ROUTE_NOT_ALLOWED,
        ProblemType.ASSESSMENT_STATE,
        ProblemType.DECLARATION_EXISTS,
        ProblemType.SIGNOFF_VOID,
        ProblemType.CONCURRENT_UPDATE
    })
    ResponseEntity<Void> approve(@PathVariable String taskId, @RequestBody ApproveCommand command) {
        workflow.approve(identity.currentUser(), taskId, command);
        return ResponseEntity.noContent().build();
    }
}
