package io.conformity.audit.internal;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.audit.AuditApi;
import io.conformity.audit.AuditEntryView;
import io.conformity.audit.AuditVerification;
import io.conformity.web.ListQuery;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditApi audit;

    AuditController(AuditApi audit) {
        this.audit = audit;
    }

    /**
     * The readable history of a subject (an assessment's id gives everything done within the assessment): who, in
     * which role, did what, when, with the change. Administrators read any subject and the whole
     * trail; compliance officers the subjects of their own products only.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'COMPLIANCE_OFFICER')")
    PagedModel<AuditEntryView> history(@ListQuery(sortable = "sequence", defaultSort = "sequence") HistoryQuery query) {
        return new PagedModel<>(audit.history(query.subject(), bySequence(query.pageable())));
    }

    record HistoryQuery(
            @Parameter(description = "The subject's id, e.g. an assessment's; without it, the whole trail")
            String subject,

            Pageable pageable) {}

    /**
     * Walks and checks the whole chain. Always 200: a broken chain is the answer, not a failure of the request
     * ({@code valid} false, {@code firstBroken} names the entry).
     */
    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    AuditVerification verify() {
        return audit.verify();
    }

    // The sequence is unique, so it is the whole order; the list resolver's id tie-breaker has no column here.
    private static Pageable bySequence(Pageable pageable) {
        Sort.Order order = pageable.getSort().getOrderFor("sequence");
        Sort.Direction direction = order == null ? Sort.Direction.ASC : order.getDirection();
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(direction, "sequence"));
    }
}
