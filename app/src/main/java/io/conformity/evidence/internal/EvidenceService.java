package io.conformity.evidence.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.assessment.RequirementStatus;
import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceContent;
import io.conformity.evidence.EvidenceProperties;
import io.conformity.evidence.EvidenceView;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.storage.BlobStore;
import io.conformity.storage.StoredBlob;
import io.conformity.validation.TextRules;

@Service
@Transactional
class EvidenceService implements EvidenceApi {

    private static final int MAX_FILE_NAME = 255;

    private final EvidenceRepository evidence;
    private final AssessmentApi assessments;
    private final BlobStore store;
    private final EvidenceProperties properties;
    private final Clock clock;

    EvidenceService(
            EvidenceRepository evidence,
            AssessmentApi assessments,
            BlobStore store,
            EvidenceProperties properties,
            Clock clock) {
        this.evidence = evidence;
        this.assessments = assessments;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public EvidenceView upload(
            UUID requirementAssessmentId, String fileName, String mediaType, InputStream content, String uploadedBy) {
        // Every check that can refuse the upload runs before a byte is stored.
        RequirementAssessmentView requirement = assessments.requirement(requirementAssessmentId);
        if (requirement.status() != RequirementStatus.OPEN) {
            throw new ProblemException(
                    ProblemType.EVIDENCE_CLOSED,
                    "Requirement " + requirement.requirementId() + " is " + requirement.status()
                            + "; evidence can be added only while it is OPEN.");
        }
        String name = safeFileName(fileName);
        String type = safeMediaType(mediaType);
        StoredBlob blob = store.put(content, properties.maxUploadSize().toBytes());
        return evidence.save(new Evidence(
                        requirement.assessmentId(),
                        requirement.id(),
                        requirement.principle(),
                        requirement.requirementId(),
                        name,
                        type,
                        blob.sha256(),
                        blob.size(),
                        uploadedBy,
                        clock.instant()))
                .view();
    }

    @Override
    @Transactional(readOnly = true)
    public EvidenceView evidence(UUID id) {
        return find(id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public EvidenceContent open(UUID id) {
        Evidence found = find(id);
        InputStream stream = store.open(found.sha256())
                .orElseThrow(() -> new IllegalStateException(
                        "Blob " + found.sha256() + " of evidence " + id + " is missing from the store"));
        return new EvidenceContent(found.view(), stream);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceView> ofRequirement(UUID requirementAssessmentId) {
        assessments.requirement(requirementAssessmentId);
        return evidence.findByRequirementAssessmentIdOrderByUploadedAt(requirementAssessmentId).stream()
                .map(Evidence::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceView> ofAssessment(UUID assessmentId) {
        return evidence.findByAssessmentIdOrderByUploadedAt(assessmentId).stream()
                .map(Evidence::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> uploadersOf(UUID assessmentId, String principle) {
        return evidence.uploadersOf(assessmentId, principle);
    }

    private Evidence find(UUID id) {
        return evidence.findById(id).orElseThrow(() -> new NotFoundException("Evidence", id));
    }

    /**
     * The last path segment of the client's file name (browsers on some systems send the whole path), in NFC. The
     * name is shown and printed, never used as a path; one that would display as something it is not (control or
     * bidirectional characters) is refused rather than silently changed.
     */
    static String safeFileName(String original) {
        String name = original == null ? "" : original;
        name = TextRules.normalize(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            return "unnamed";
        }
        TextRules.problem(name, MAX_FILE_NAME, false).ifPresent(problem -> {
            throw new InvalidInputException(
                    "The file name is not acceptable; nothing was stored.",
                    List.of(InvalidInputException.parameter("file", "the file name " + problem)));
        });
        return name;
    }

    private static String safeMediaType(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType parsed = MediaType.parseMediaType(mediaType);
            String value = parsed.toString();
            return value.length() > 200 ? MediaType.APPLICATION_OCTET_STREAM_VALUE : value;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
