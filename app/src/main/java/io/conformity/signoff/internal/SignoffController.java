package io.conformity.signoff.internal;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.assessment.ConversationEntry;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.problem.ProblemType;
import io.conformity.signoff.CommentCommand;
import io.conformity.signoff.SignoffApi;
import io.conformity.signoff.SignoffView;
import io.conformity.web.ProblemResponses;

@RestController
class SignoffController {

    private final SignoffApi signoffs;
    private final IdentityApi identity;

    SignoffController(SignoffApi signoffs, IdentityApi identity) {
        this.signoffs = signoffs;
        this.identity = identity;
    }

    /**
     * Every decision on the assessment, oldest first, with the evidence hashes each covered. Engineers read them too:
     * a principle sent back says why.
     */
    @GetMapping("/api/v1/assessments/{id}/signoffs")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    List<SignoffView> ofAssessment(@PathVariable UUID id) {
        return signoffs.ofAssessment(id);
    }

    /** A comment on a principle, shown in its conversation (the assessment's view and the task's). */
    @PostMapping("/api/v1/assessments/{id}/principles/{principle}/comments")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses({ProblemType.ASSESSMENT_STATE})
    ConversationEntry comment(
            @PathVariable UUID id, @PathVariable String principle, @RequestBody CommentCommand command) {
        CurrentUser user = identity.currentUser();
        return signoffs.comment(id, principle, command, user.username(), roles(user));
    }

    /** The working roles the author speaks in; an account may hold more than one. */
    private static String roles(CurrentUser user) {
        return Stream.of(Role.COMPLIANCE_OFFICER, Role.SIGNATORY, Role.ENGINEER)
                .filter(user::has)
                .map(Role::group)
                .collect(Collectors.joining(","));
    }
}
