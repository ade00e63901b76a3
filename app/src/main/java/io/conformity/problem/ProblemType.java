package io.conformity.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every problem the API answers with (RFC 9457): the stable {@code type} URI a client branches on, its status and
 * title. This is the one catalogue: it is published in the OpenAPI description and the README, and a system test
 * provokes each entry over HTTP.
 */
public enum ProblemType {
    // 400: the request itself is wrong
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_MULTIPART("malformed-multipart", HttpStatus.BAD_REQUEST, "Malformed multipart request"),
    UNKNOWN_REGIME("unknown-regime", HttpStatus.BAD_REQUEST, "Unknown regime"),
    INVALID_SCOPE("invalid-scope", HttpStatus.BAD_REQUEST, "Invalid regime selection"),
    // 401, 403: who may do it
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    SEPARATION_OF_DUTIES("separation-of-duties", HttpStatus.FORBIDDEN, "Separation of duties"),
    SIGNOFF_VOID("signoff-void", HttpStatus.CONFLICT, "Sign-off void: evidence changed"),
    INVALID_SETUP_TOKEN("invalid-setup-token", HttpStatus.FORBIDDEN, "Invalid setup link"),
    PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN, "Password change required"),
    // 404, 405, 406, 413, 415: the resource and the representation
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    // 409: the request is fine but the state of things does not allow it
    CONCURRENT_UPDATE("concurrent-update", HttpStatus.CONFLICT, "Changed by someone else"),
    TASK_COMPLETED("task-completed", HttpStatus.CONFLICT, "Task already completed"),
    DUPLICATE_USER("duplicate-user", HttpStatus.CONFLICT, "User exists"),
    ALREADY_SET_UP("already-set-up", HttpStatus.CONFLICT, "Already set up"),
    DUPLICATE_RELEASE("duplicate-release", HttpStatus.CONFLICT, "Release exists"),
    PROFILE_MISSING("profile-missing", HttpStatus.CONFLICT, "Product profile missing"),
    ASSESSMENT_STATE("assessment-state", HttpStatus.CONFLICT, "Not allowed in this state of the assessment"),
    ASSESSMENT_OPEN("assessment-open", HttpStatus.CONFLICT, "An assessment of the release is already open"),
    WRONG_TASK_KIND("wrong-task-kind", HttpStatus.CONFLICT, "Wrong task kind"),
    REQUIREMENT_NOT_IN_PRINCIPLE("requirement-not-in-principle", HttpStatus.CONFLICT, "Requirement not in principle"),
    NOT_APPLICABLE("not-applicable", HttpStatus.CONFLICT, "Requirement not applicable"),
    SCOPE_OVERRIDE_REFUSED("scope-override-refused", HttpStatus.CONFLICT, "Scope override refused"),
    VERDICT_MISSING("verdict-missing", HttpStatus.CONFLICT, "Verdict missing"),
    MANDATORY_REQUIREMENT_FAILED("mandatory-requirement-failed", HttpStatus.CONFLICT, "Mandatory requirement failed"),
    JUSTIFICATION_MISSING("justification-missing", HttpStatus.CONFLICT, "Justification missing"),
    EVIDENCE_CLOSED("evidence-closed", HttpStatus.CONFLICT, "Evidence closed"),
    EVIDENCE_MISSING("evidence-missing", HttpStatus.CONFLICT, "Evidence missing"),
    EVIDENCE_REJECTED("evidence-rejected", HttpStatus.UNPROCESSABLE_ENTITY, "Evidence rejected"),
    CARRY_OVER_REFUSED("carry-over-refused", HttpStatus.CONFLICT, "Evidence cannot be carried over"),
    ICS_NEEDS_EN303645("ics-needs-en303645", HttpStatus.CONFLICT, "ICS needs the full standard"),
    ICS_INCOMPLETE("ics-incomplete", HttpStatus.CONFLICT, "ICS incomplete"),
    CONFORMITY_ROUTE_NOT_ALLOWED(
            "conformity-route-not-allowed", HttpStatus.CONFLICT, "Conformity route not allowed for the product"),
    SUPPORT_PERIOD_SHORTENED("support-period-shortened", HttpStatus.CONFLICT, "Declared support period shortened"),
    SUPPORT_PERIOD_ENDED("support-period-ended", HttpStatus.CONFLICT, "Support period ended"),
    DECLARATION_EXISTS("declaration-exists", HttpStatus.CONFLICT, "Declaration already issued"),
    DECLARATION_STATE("declaration-state", HttpStatus.CONFLICT, "Not allowed in this state of the declaration"),
    DECLARATION_RETAINED("declaration-retained", HttpStatus.CONFLICT, "Declaration still retained"),
    // 429: too many attempts from one client
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    // 500: ours
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    /** All problem types share this prefix; the suffix is the stable slug. */
    public static final String TYPE_PREFIX = "urn:conformity:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(TYPE_PREFIX + slug);
    }
}
