package io.conformity.ui.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.NoEvidenceStatementCommand;
import io.conformity.evidence.CarryOverApi;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.problem.ProblemException;
import io.conformity.signoff.CommentCommand;
import io.conformity.signoff.SignoffApi;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** The assessment page: header, workflow, requirements by principle; comments, statements and carry-over on it. */
@Controller
class AssessmentPageController {

    private final AssessmentPage page;
    private final AssessmentApi assessments;
    private final SignoffApi signoffs;
    private final CarryOverApi carryOver;
    private final IdentityApi identity;
    private final Validator validator;

    AssessmentPageController(
            AssessmentPage page,
            AssessmentApi assessments,
            SignoffApi signoffs,
            CarryOverApi carryOver,
            IdentityApi identity,
            Validator validator) {
        this.page = page;
        this.assessments = assessments;
        this.signoffs = signoffs;
        this.carryOver = carryOver;
        this.identity = identity;
        this.validator = validator;
    }

    @GetMapping("/assessments/{id}")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    String assessment(@PathVariable UUID id, Model model) {
        page.fill(id, model);
        return AssessmentPage.VIEW;
    }

    @PostMapping("/assessments/{id}/principles/{code}/comments")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY')")
    ModelAndView comment(
            @PathVariable UUID id, @PathVariable String code, @RequestParam(defaultValue = "") String text) {
        CurrentUser user = identity.currentUser();
        try {
            signoffs.comment(id, code, new CommentCommand(text), user.username(), roles(user));
            return Redirects.seeOther("/assessments/" + id + "#conversation-" + code);
        } catch (ConstraintViolationException e) {
            return refused(id, "comment-" + code, HttpStatus.BAD_REQUEST, FormErrors.of(e), Map.of("text", text));
        } catch (ProblemException e) {
            return refused(id, "comment-" + code, e.getStatusCode(), asField(e, "text"), Map.of("text", text));
        }
    }

    @PostMapping("/assessments/{id}/requirements/{requirementId}/no-evidence-statement")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView stateNoEvidence(
            @PathVariable UUID id,
            @PathVariable UUID requirementId,
            @RequestParam(defaultValue = "") String statement) {
        page.requirementOf(id, requirementId);
        String form = "statement-" + requirementId;
        Set<ConstraintViolation<NoEvidenceStatementCommand>> violations =
                validator.validate(new NoEvidenceStatementCommand(statement));
        if (!violations.isEmpty()) {
            // The command has the one field the form has: every message belongs there.
            String message = violations.stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; "));
            FormErrors errors = FormErrors.of("The statement was not recorded.", "statement", message);
            return refused(id, form, HttpStatus.BAD_REQUEST, errors, Map.of("statement", statement));
        }
        try {
            assessments.stateNoEvidence(
                    requirementId, statement.strip(), identity.currentUser().username());
            return Redirects.seeOther("/assessments/" + id + "#req-" + requirementId);
        } catch (ProblemException e) {
            return refused(id, form, e.getStatusCode(), asField(e, "statement"), Map.of("statement", statement));
        }
    }

    @PostMapping("/assessments/{id}/requirements/{requirementId}/no-evidence-statement/withdraw")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView withdrawNoEvidence(@PathVariable UUID id, @PathVariable UUID requirementId) {
        page.requirementOf(id, requirementId);
        try {
            assessments.stateNoEvidence(
                    requirementId, null, identity.currentUser().username());
            return Redirects.seeOther("/assessments/" + id + "#req-" + requirementId);
        } catch (ProblemException e) {
            return refused(id, "statement-" + requirementId, e.getStatusCode(), FormErrors.of(e), Map.of());
        }
    }

    @PostMapping("/assessments/{id}/principles/{code}/carry-over")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView carryOver(@PathVariable UUID id, @PathVariable String code) {
        try {
            carryOver.carry(id, code, identity.currentUser().username());
            // The principle's content, not its summary: a browser opens the closed principle it is in.
            return Redirects.seeOther("/assessments/" + id + "#principle-" + code + "-content");
        } catch (ProblemException e) {
            return refused(id, "carry-" + code, e.getStatusCode(), FormErrors.of(e), Map.of());
        }
    }

    private ModelAndView refused(
            UUID id, String form, HttpStatusCode status, FormErrors errors, Map<String, String> typed) {
        Model model = page.fill(id, new ExtendedModelMap(), form, errors, typed);
        return new ModelAndView(AssessmentPage.VIEW, model.asMap(), status);
    }

    /** A refusal without field errors is still about the one field the form has. */
    private static FormErrors asField(ProblemException e, String field) {
        FormErrors errors = FormErrors.of(e);
        return errors.fields().isEmpty() ? FormErrors.of("Nothing was recorded.", field, errors.summary()) : errors;
    }

    /** The working roles the author speaks in, as the API's comment endpoint records them. */
    private static String roles(CurrentUser user) {
        return Stream.of(Role.COMPLIANCE_OFFICER, Role.SIGNATORY, Role.ENGINEER)
                .filter(user::has)
                .map(Role::group)
                .collect(Collectors.joining(","));
    }
}
