package io.conformity.assessment.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.assessment.ics.IcsCodec;
import io.conformity.assessment.ics.IcsFormatException;
import io.conformity.assessment.ics.IcsProblem;
import io.conformity.assessment.ics.IcsStatement;
import io.conformity.catalog.Framework;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemType;
import io.conformity.web.BodyLimit;
import io.conformity.web.ProblemResponses;

@RestController
@RequestMapping("/api/v1/assessments/{id}/ics")
class IcsController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final IcsService ics;

    IcsController(IcsService ics) {
        this.ics = ics;
    }

    /** {@code format=csv} (with a byte-order mark, so spreadsheets read it as UTF-8) or {@code format=json}. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    @ProblemResponses({ProblemType.ICS_NEEDS_EN303645, ProblemType.ICS_INCOMPLETE})
    ResponseEntity<String> export(@PathVariable UUID id, @RequestParam(defaultValue = "json") String format) {
        IcsStatement statement = ics.export(id);
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"json".equalsIgnoreCase(format)) {
            throw new InvalidInputException(
                    "Unknown format.",
                    List.of(InvalidInputException.at("", "format must be csv or json, not " + format)));
        }
        return ResponseEntity.ok()
                .contentType(csv ? CSV : MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("ics-" + id + (csv ? ".csv" : ".json"), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(csv ? "\uFEFF" + IcsCodec.toCsv(statement) : IcsCodec.toJson(statement));
    }

    /**
     * Imports the manufacturer's ICS, as CSV ({@code text/csv}) or JSON; errors name the row and column. A body over
     * 2 MB is refused (413) before more of it is read; the role check runs before any of it is.
     */
    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    @BodyLimit("2MB")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponses({ProblemType.ICS_NEEDS_EN303645, ProblemType.ASSESSMENT_STATE})
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    ResponseEntity<Void> importIcs(
            @PathVariable UUID id, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type, @RequestBody byte[] bytes) {
        // An ICS is UTF-8 whatever charset the client names (or omits, which would default to ISO-8859-1).
        String body = new String(bytes, StandardCharsets.UTF_8);
        boolean csv = MediaType.parseMediaType(type).isCompatibleWith(MediaType.parseMediaType("text/csv"));
        IcsStatement statement;
        try {
            statement = csv ? fromCsv(body, ics.standard(id)) : IcsCodec.fromJson(body);
        } catch (IcsFormatException e) {
            throw new InvalidInputException(
                    "The ICS cannot be read; nothing was recorded.",
                    e.problems().stream().map(IcsController::error).toList());
        }
        ics.importIcs(id, statement, csv ? 2 : 1);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> error(IcsProblem problem) {
        return IcsService.error(problem.row(), problem.column(), problem.message());
    }

    /** A CSV carries no framework or version of its own: it is read as the assessment's standard. */
    private static IcsStatement fromCsv(String body, Framework standard) {
        return IcsCodec.fromCsv(body, standard.reference(), standard.version());
    }
}
