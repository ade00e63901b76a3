package io.conformity.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.evidence.EvidenceApi;
import io.conformity.evidence.EvidenceProperties;
import io.conformity.evidence.EvidenceView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Evidence files uploaded from the assessment page: a plain form posting several files (no script needed), and one
 * file at a time for the page's script, answered with the file's row (its analysis or why it was refused).
 */
@Controller
class EvidencePageController {

    static final String RESULT = "ui/assessments/upload :: result";

    private final AssessmentPage page;
    private final PageErrors errors;
    private final EvidenceApi evidence;
    private final IdentityApi identity;
    private final EvidenceProperties properties;

    EvidencePageController(
            AssessmentPage page,
            PageErrors errors,
            EvidenceApi evidence,
            IdentityApi identity,
            EvidenceProperties properties) {
        this.properties = properties;
        this.page = page;
        this.errors = errors;
        this.evidence = evidence;
        this.identity = identity;
    }

    /** What became of one file: stored with its analysis, or refused with the reason. */
    record Upload(String fileName, EvidenceView evidence, String error, HttpStatusCode status) {

        public boolean stored() {
            return evidence != null;
        }
    }

    @PostMapping("/assessments/{id}/requirements/{requirementId}/evidence")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView upload(
            @PathVariable UUID id,
            @PathVariable UUID requirementId,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        page.requirementOf(id, requirementId);
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                // A form posted without a file chosen still sends one part, without a name.
                if (file.getOriginalFilename() != null
                        && !file.getOriginalFilename().isEmpty()) {
                    uploads.add(store(requirementId, file));
                }
            }
        }
        if (!uploads.isEmpty() && uploads.stream().allMatch(Upload::stored)) {
            return Redirects.seeOther("/assessments/" + id + "#req-" + requirementId);
        }
        FormErrors errors = uploads.isEmpty()
                ? FormErrors.of("Choose at least one file to upload.", "files", "No file was chosen.")
                : FormErrors.of("Some files were refused; the others were stored.");
        HttpStatusCode status = uploads.stream()
                .filter(u -> !u.stored())
                .map(Upload::status)
                .findFirst()
                .orElse(HttpStatus.BAD_REQUEST);
        Model model = page.fill(id, new ExtendedModelMap(), "upload-" + requirementId, errors, Map.of());
        model.addAttribute("uploads", uploads);
        return new ModelAndView(AssessmentPage.VIEW, model.asMap(), status);
    }

    /** One file, for the page's script: the answer is the file's row, with the status the API would give. */
    @PostMapping("/assessments/{id}/requirements/{requirementId}/evidence/file")
    @PreAuthorize("hasRole('ENGINEER')")
    ModelAndView uploadOne(
            @PathVariable UUID id, @PathVariable UUID requirementId, @RequestParam("file") MultipartFile file) {
        page.requirementOf(id, requirementId);
        Upload upload = store(requirementId, file);
        ModelAndView view = new ModelAndView(RESULT, upload.stored() ? HttpStatus.CREATED : upload.status());
        view.addObject("upload", upload);
        view.addObject("assessmentId", id);
        return view;
    }

    /** An evidence item's analysis, for a row that shows one still being read. */
    @GetMapping("/assessments/{id}/evidence/{evidenceId}/analysis")
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    ModelAndView analysis(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        EvidenceView item = evidence.evidence(evidenceId);
        if (!item.assessmentId().equals(id)) {
            throw new NotFoundException("Evidence", evidenceId);
        }
        ModelAndView view = new ModelAndView(RESULT);
        view.addObject("upload", new Upload(item.fileName(), item, null, HttpStatus.OK));
        view.addObject("assessmentId", id);
        return view;
    }

    /**
     * A body over the limit is refused while its parts are read, before the handler runs: answered here as the
     * handler would, at the file (the script's row) or at the form's file input.
     */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException e, HttpServletRequest request) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String reason = tooLarge
                ? "The file is larger than the " + limit() + " an evidence file may hold; nothing was stored."
                : "The upload could not be read; nothing was stored.";
        // The handler's own checks never ran: its address may name nothing, which is a bad address, not a crash.
        @SuppressWarnings("unchecked")
        Map<String, String> path =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Optional<UUID> id = uuid(path, "id");
        Optional<UUID> requirementId = uuid(path, "requirementId");
        if (id.isEmpty() || requirementId.isEmpty()) {
            return errors.badAddress(e);
        }
        if (request.getRequestURI().endsWith("/evidence/file")) {
            ModelAndView view = new ModelAndView(RESULT, status);
            view.addObject("upload", new Upload(fileName(request), null, reason, status));
            view.addObject("assessmentId", id.get());
            return view;
        }
        try {
            Model model = page.fill(
                    id.get(),
                    new ExtendedModelMap(),
                    "upload-" + requirementId.get(),
                    FormErrors.of("Nothing was stored.", "files", reason),
                    Map.of());
            return new ModelAndView(AssessmentPage.VIEW, model.asMap(), status);
        } catch (ProblemException unknown) {
            // An exception thrown here would not reach the pages' error handling: answered as it would answer it.
            return errors.problem(unknown);
        } catch (AccessDeniedException denied) {
            return errors.denied();
        }
    }

    private static Optional<UUID> uuid(Map<String, String> path, String name) {
        String value = path == null ? null : path.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private String limit() {
        long megabytes = properties.maxUploadSize().toMegabytes();
        return megabytes > 0 ? megabytes + " MB" : properties.maxUploadSize().toKilobytes() + " KB";
    }

    /** The script names the file in a header, since a body that was not read has no file name to give. */
    private static String fileName(HttpServletRequest request) {
        String name = request.getHeader("X-File-Name");
        return name == null || name.isBlank() ? "The file" : URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    private Upload store(UUID requirementId, MultipartFile file) {
        String name = file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            EvidenceView stored = evidence.upload(
                    requirementId, name, in, identity.currentUser().username());
            return new Upload(name, stored, null, HttpStatus.CREATED);
        } catch (ProblemException e) {
            return new Upload(name, null, reason(FormErrors.of(e)), e.getStatusCode());
        } catch (IOException e) {
            return new Upload(name, null, "The upload could not be read; nothing was stored.", HttpStatus.BAD_REQUEST);
        }
    }

    /** The problem's detail, with what it says about the file when that adds something (an unprintable name). */
    private static String reason(FormErrors errors) {
        String about = errors.at("file");
        return about == null || errors.summary() == null || about.equals("has no content")
                ? errors.summary()
                : errors.summary() + " (The file: " + about + ".)";
    }
}
