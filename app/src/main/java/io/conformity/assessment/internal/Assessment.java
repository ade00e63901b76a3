package io.conformity.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.conformity.assessment.AssessmentStatus;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.ConformityProcedure;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.RegimeStatement;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "assessment")
class Assessment {

    static final String CRA = "CRA";

    @Id
    private UUID id;

    @Column(name = "release_id", nullable = false)
    private UUID releaseId;

    /** Regime codes in the order chosen, comma-separated. */
    @Column(nullable = false, length = 200)
    private String regimes;

    @Column(name = "en303645_version", length = 40)
    private String en303645Version;

    /** PSTI Schedule 3 classes the product type appears to fall in, comma-separated ids. */
    @Column(name = "psti_excepted", length = 200)
    private String pstiExcepted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AssessmentStatus status;

    @Column(name = "opened_by", nullable = false, length = 64)
    private String openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "place_of_issue", length = 200)
    private String placeOfIssue;

    /** The CRA conformity route; null until one is recorded (or outside the CRA regime). */
    @Enumerated(EnumType.STRING)
    @Column(name = "cra_procedure", length = 40)
    private ConformityProcedure craProcedure;

    @Column(name = "notified_body_name", length = 200)
    private String notifiedBodyName;

    @Column(name = "notified_body_number", length = 4)
    private String notifiedBodyNumber;

    @Column(name = "certificate_reference", length = 200)
    private String certificateReference;

    @Column(name = "certificate_date")
    private LocalDate certificateDate;

    @Column(name = "route_recorded_by", length = 64)
    private String routeRecordedBy;

    @Column(name = "route_recorded_at")
    private Instant routeRecordedAt;

    @ElementCollection
    @CollectionTable(name = "assessment_cra_standard", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    private List<CraStandard> craStandards = new ArrayList<>();

    /** Declaration ids, comma-separated; null when it replaces none. */
    @Column(length = 800)
    private String supersedes;

    @Column(name = "closed_by", length = 64)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closure_reason", length = 32000)
    private String closureReason;

    /** Per regime, what its declaration states about standards and compliance routes, as the regime said at opening. */
    @Convert(converter = RegimeStatementsConverter.class)
    @Column(length = 16000)
    private Map<String, RegimeStatement> statements;

    @Version
    private long version;

    protected Assessment() {}

    Assessment(
            UUID releaseId,
            List<String> regimes,
            String en303645Version,
            List<String> pstiExcepted,
            List<UUID> supersedes,
            Map<String, RegimeStatement> statements,
            String openedBy,
            Instant openedAt) {
        this.id = UUID.randomUUID();
        this.statements = new LinkedHashMap<>(statements);
        this.releaseId = releaseId;
        this.regimes = String.join(",", regimes);
        this.en303645Version = en303645Version;
        this.pstiExcepted = pstiExcepted.isEmpty() ? null : String.join(",", pstiExcepted);
        this.supersedes = supersedes.isEmpty()
                ? null
                : String.join(",", supersedes.stream().map(UUID::toString).toList());
        this.status = AssessmentStatus.IN_PROGRESS;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    UUID id() {
        return id;
    }

    /** Whether this assessment, still open, covers one of the regimes: a second one would be a rival statement. */
    boolean openUnderAnyOf(List<String> codes) {
        return status != AssessmentStatus.ISSUED
                && List.of(regimes.split(",")).stream().anyMatch(codes::contains);
    }

    List<String> regimeCodes() {
        return List.of(regimes.split(","));
    }

    String en303645Version() {
        return en303645Version;
    }

    AssessmentStatus status() {
        return status;
    }

    UUID releaseId() {
        return releaseId;
    }

    List<String> pstiExcepted() {
        return pstiExcepted == null ? List.of() : List.of(pstiExcepted.split(","));
    }

    boolean underCra() {
        return List.of(regimes.split(",")).contains(CRA);
    }

    /** Records (or replaces) the CRA conformity route; only while the assessment is in progress. */
    void recordConformityRoute(ConformityRoute route, String by, Instant at) {
        requireStatus(AssessmentStatus.IN_PROGRESS, "record the conformity route of");
        this.craProcedure = route.procedure();
        this.notifiedBodyName = route.notifiedBody() == null
                ? null
                : route.notifiedBody().name().strip();
        this.notifiedBodyNumber =
                route.notifiedBody() == null ? null : route.notifiedBody().number();
        this.certificateReference = route.certificate() == null
                ? null
                : route.certificate().reference().strip();
        this.certificateDate =
                route.certificate() == null ? null : route.certificate().date();
        this.craStandards.clear();
        route.standardsApplied().forEach(s -> craStandards.add(new CraStandard(s)));
        this.routeRecordedBy = by;
        this.routeRecordedAt = at;
    }

    /** The recorded CRA conformity route, or null. */
    ConformityRoute conformityRoute() {
        if (craProcedure == null) {
            return null;
        }
        return new ConformityRoute(
                craProcedure,
                craStandards.stream().map(CraStandard::view).toList(),
                notifiedBodyName == null
                        ? null
                        : new ConformityRoute.NotifiedBody(notifiedBodyName, notifiedBodyNumber),
                certificateReference == null
                        ? null
                        : new ConformityRoute.Certificate(certificateReference, certificateDate));
    }

    void approve(String signatory, String place, Instant at) {
        requireStatus(AssessmentStatus.IN_PROGRESS, "approve");
        this.approvedBy = signatory;
        this.placeOfIssue = place;
        this.approvedAt = at;
        this.status = AssessmentStatus.APPROVED;
    }

    /** The product cannot be certified as it is: the assessment ends here, with who decided it and why. */
    void closeNotCertified(String by, Instant at, String reason) {
        requireStatus(AssessmentStatus.IN_PROGRESS, "close");
        this.closedBy = by;
        this.closedAt = at;
        this.closureReason = reason;
        this.status = AssessmentStatus.NOT_CERTIFIED;
    }

    void requireInProgress(String action) {
        requireStatus(AssessmentStatus.IN_PROGRESS, action);
    }

    void markIssued() {
        requireStatus(AssessmentStatus.APPROVED, "issue");
        this.status = AssessmentStatus.ISSUED;
    }

    private void requireStatus(AssessmentStatus expected, String action) {
        if (status != expected) {
            throw new ProblemException(
                    ProblemType.ASSESSMENT_STATE, "Cannot " + action + " assessment " + id + ": it is " + status + ".");
        }
    }

    AssessmentView view(List<AssessmentView.ExceptedFlag> excepted, List<RequirementAssessmentView> requirements) {
        return new AssessmentView(
                id,
                releaseId,
                List.of(regimes.split(",")),
                en303645Version,
                status,
                openedBy,
                openedAt,
                approvedBy,
                approvedAt,
                placeOfIssue,
                excepted,
                supersedes == null
                        ? List.of()
                        : Stream.of(supersedes.split(",")).map(UUID::fromString).toList(),
                requirements,
                conformityRoute(),
                routeRecordedBy,
                routeRecordedAt,
                statements == null ? Map.of() : Map.copyOf(statements),
                closedBy,
                closedAt,
                closureReason,
                null);
    }
}
