package io.conformity.workflow.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.workflow.IssuanceIncidentView;
import io.conformity.workflow.WorkflowApi;

/** Issuances that failed after every retry, for an administrator to see and, once the cause is removed, retry. */
@RestController
@RequestMapping("/api/v1/admin/issuance-incidents")
class IssuanceIncidentController {

    private final WorkflowApi workflow;

    IssuanceIncidentController(WorkflowApi workflow) {
        this.workflow = workflow;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<IssuanceIncidentView> incidents() {
        return workflow.issuanceIncidents();
    }

    /** Schedules one more attempt at once; it runs in the background, like the first. */
    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Void> retry(@PathVariable String id) {
        workflow.retryIssuance(id);
        return ResponseEntity.accepted().build();
    }
}
