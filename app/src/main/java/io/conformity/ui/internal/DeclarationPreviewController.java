package io.conformity.ui.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.conformity.declaration.DeclarationApi;
import io.conformity.problem.NotFoundException;

/** The declaration an approval would issue, before the signatory approves: as a PDF and as page images. */
@Controller
@PreAuthorize("hasRole('SIGNATORY')")
class DeclarationPreviewController {

    private final DeclarationApi declarations;

    DeclarationPreviewController(DeclarationApi declarations) {
        this.declarations = declarations;
    }

    @GetMapping("/assessments/{id}/preview/declaration.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id,
            @RequestParam(required = false) String regime,
            @RequestParam(required = false) String place) {
        byte[] pdf = declarations.previewPdf(id, regime, place);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("declaration-preview.pdf")
                                .build()
                                .toString())
                // A preview is of the moment: never kept by the browser as if it were the issued file.
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    @GetMapping("/assessments/{id}/preview/pages/{page}.png")
    ResponseEntity<byte[]> page(
            @PathVariable UUID id,
            @PathVariable int page,
            @RequestParam(required = false) String regime,
            @RequestParam(required = false) String place) {
        List<byte[]> pages = declarations.previewPages(id, regime, place);
        if (page < 1 || page > pages.size()) {
            throw new NotFoundException("Preview page", page);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(pages.get(page - 1));
    }
}
