package io.conformity.declaration.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.RegisterEntry;
import io.conformity.declaration.VerificationReport;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemType;
import io.conformity.web.BodyLimit;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Verification for anyone holding a declaration, without an account: the file, raw as {@code curl --data-binary}
 * sends it (no multipart: the container would spool a form upload to disk before any limit applies), and the
 * register entry that the printed verification URL and QR code name (the register page, for a browser).
 */
@RestController
@RequestMapping("/api/v1")
class VerificationController {

    private final DeclarationApi declarations;

    VerificationController(DeclarationApi declarations) {
        this.declarations = declarations;
    }

    @Operation(summary = "Verify a declaration PDF: signature, registration and current status, in plain words")
    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    @BodyLimit("${conformity.declaration.verification.max-size:10MB}")
    @ProblemResponses({ProblemType.TOO_MANY_REQUESTS, ProblemType.PAYLOAD_TOO_LARGE})
    VerificationReport verify(@RequestBody(required = false) byte[] file) {
        // The per-address limit was applied before the body was read (VerificationThrottle.Filter).
        return declarations.verify(required(file));
    }

    /**
     * What the register says of one declaration: where the printed verification URL and the QR code lead. A person
     * scanning the code gets the register page ({@code 303} to {@code /register/{id}}); a client gets the entry.
     */
    @GetMapping("/register/{id}")
    ResponseEntity<RegisterEntry> entry(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        RegisterEntry entry = declarations.registerEntry(id);
        if (browser(accept)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/register/" + entry.id()))
                    .build();
        }
        return ResponseEntity.ok(entry);
    }

    /**
     * A browser asks for HTML and names no JSON; a client that accepts anything ({@code curl}, scripts) gets JSON,
     * as it always did.
     */
    static boolean browser(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> MediaType.TEXT_HTML.equalsTypeAndSubtype(t) && t.getQualityValue() > 0)
                    && types.stream()
                            .noneMatch(t -> MediaType.APPLICATION_JSON.equalsTypeAndSubtype(t)
                                    || MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(t));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static byte[] required(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException(
                    "Send the declaration's PDF to verify.",
                    List.of(InvalidInputException.parameter("file", "has no content")));
        }
        return file;
    }
}
