package io.conformity.declaration.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationProperties;
import io.conformity.declaration.RegisterEntry;
import io.conformity.declaration.VerificationReport;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.web.BodyLimit;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Verification for anyone holding a declaration, without an account: the file (raw, as {@code curl --data-binary}
 * sends it, or as a form upload) and the register entry that the printed verification URL and QR code name.
 */
@RestController
@RequestMapping("/api/v1")
class VerificationController {

    private final DeclarationApi declarations;
    private final VerificationThrottle throttle;
    private final long maxSize;

    VerificationController(
            DeclarationApi declarations, VerificationThrottle throttle, DeclarationProperties properties) {
        this.declarations = declarations;
        this.throttle = throttle;
        this.maxSize = properties.verification().maxSize().toBytes();
    }

    @Operation(summary = "Verify a declaration PDF: signature, registration and current status, in plain words")
    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    @BodyLimit("${conformity.declaration.verification.max-size:20MB}")
    @ProblemResponses({ProblemType.TOO_MANY_REQUESTS, ProblemType.PAYLOAD_TOO_LARGE})
    VerificationReport verify(@RequestBody(required = false) byte[] file, HttpServletRequest request) {
        throttle.acquire(request.getRemoteAddr());
        return declarations.verify(required(file));
    }

    @Operation(summary = "Verify a declaration PDF sent as the form field 'file'")
    @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ProblemResponses({ProblemType.TOO_MANY_REQUESTS, ProblemType.PAYLOAD_TOO_LARGE})
    VerificationReport verifyUpload(@RequestPart("file") MultipartFile file, HttpServletRequest request) {
        throttle.acquire(request.getRemoteAddr());
        if (file.getSize() > maxSize) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "A declaration is at most " + maxSize + " bytes; this file has " + file.getSize() + ".");
        }
        try {
            return declarations.verify(required(file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the register says of one declaration: where the printed verification URL and the QR code lead. */
    @GetMapping("/register/{id}")
    RegisterEntry entry(@PathVariable UUID id) {
        return declarations.registerEntry(id);
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
