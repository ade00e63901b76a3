package io.conformity.evidence.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.evidence.CarryOverApi;
import io.conformity.evidence.CarryOverView;
import io.conformity.evidence.EvidenceView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.web.ProblemResponses;

/** Re-certification: the previous release's accepted evidence, offered and carried over per principle. */
@RestController
@RequestMapping("/api/v1")
class CarryOverController {

    private final CarryOverApi carryOver;
    private final IdentityApi identity;

    CarryOverController(CarryOverApi carryOver, IdentityApi identity) {
        this.carryOver = carryOver;
        this.identity = identity;
    }

    /**
     * The previous release's assessment (same product and regimes, approved, the latest) and, per principle, its
     * accepted evidence and whether it can be carried over as it is.
     */
    @GetMapping("/assessments/{id}/carry-over")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY')")
    CarryOverView offer(@PathVariable UUID id) {
        return carryOver.offer(id);
    }

    /**
     * The engineer confirms the principle unchanged since the previous release: its accepted evidence is carried
     * over by hash and analysed again; the items are returned with their new analysis.
     */
    @PostMapping("/assessments/{id}/principles/{code}/carry-over")
    @PreAuthorize("hasRole('ENGINEER')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses({
        ProblemType.CARRY_OVER_REFUSED,
        ProblemType.EVIDENCE_CLOSED,
        ProblemType.EVIDENCE_REJECTED,
        ProblemType.CONCURRENT_UPDATE
    })
    List<EvidenceView> carry(@PathVariable UUID id, @PathVariable String code) {
        return carryOver.carry(id, code, identity.currentUser().username());
    }
}
