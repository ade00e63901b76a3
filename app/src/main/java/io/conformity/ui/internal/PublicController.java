package io.conformity.ui.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationApi.RegisterFilter;
import io.conformity.declaration.DeclarationProperties;
import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.declaration.RegisterEntry;
import io.conformity.declaration.VerificationReport;

/** The register of issued declarations, one declaration's entry, and checking a declaration one holds. */
@Controller
class PublicController {

    private static final int PAGE_SIZE = 20;
    private static final List<String> REGIMES = List.of("PSTI", "CRA", "EN");

    private final DeclarationApi declarations;
    private final DeclarationProperties properties;

    PublicController(DeclarationApi declarations, DeclarationProperties properties) {
        this.declarations = declarations;
        this.properties = properties;
    }

    /** Search form values as typed; blank means any. */
    record Search(String manufacturer, String model, String status, String regime, Integer page) {

        RegisterFilter filter() {
            return new RegisterFilter(blankToNull(manufacturer), blankToNull(model), status(status), regime(regime));
        }

        int pageNumber() {
            return page == null || page < 0 ? 0 : page;
        }

        private static DeclarationStatus status(String value) {
            // An unknown status in a hand-made address searches all, as the form's "any" does.
            return Arrays.stream(DeclarationStatus.values())
                    .filter(s -> s.name().equals(value))
                    .findFirst()
                    .orElse(null);
        }

        private static String regime(String value) {
            return value != null && REGIMES.contains(value) ? value : null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The register for market surveillance, searchable as the API's {@code GET /api/v1/register}. */
    @GetMapping("/register")
    @PreAuthorize("hasAnyRole('REGULATOR', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')")
    String register(@ModelAttribute("search") Search search, Model model) {
        Page<DeclarationView> results = declarations.register(
                search.filter(),
                PageRequest.of(search.pageNumber(), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "issuedAt")));
        model.addAttribute("results", results);
        model.addAttribute("statuses", DeclarationStatus.values());
        model.addAttribute("regimes", REGIMES);
        return "ui/public/register";
    }

    /** One declaration's entry: where the printed verification URL and the QR code lead. Anyone may read it. */
    @GetMapping("/register/{id}")
    String entry(@PathVariable UUID id, Model model) {
        RegisterEntry entry = declarations.registerEntry(id);
        model.addAttribute("entry", entry);
        return "ui/public/entry";
    }

    /** The verification form; {@code retryAfter} when the address used up its verifications for the minute. */
    @GetMapping("/verify")
    ModelAndView verifyForm(@RequestParam(required = false) Long retryAfter) {
        ModelAndView page = verifyPage();
        if (retryAfter != null) {
            page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            page.addObject(
                    "errors",
                    FormErrors.of(
                            "Too many verifications from your address.",
                            "file",
                            "Try again in " + retryAfter + " seconds."));
        }
        return page;
    }

    /**
     * The same check as {@code POST /api/v1/verify}, for a file chosen in the form (the per-address limit applied
     * before the body is read, as for the API). The answer is not stored: it is shown, not redirected to.
     */
    @PostMapping("/verify")
    ModelAndView verify(@RequestParam(required = false) MultipartFile file) throws IOException {
        String refusal = refusal(file);
        if (refusal != null) {
            ModelAndView page = verifyPage();
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("errors", FormErrors.of("The file could not be checked.", "file", refusal));
            return page;
        }
        VerificationReport report = declarations.verify(file.getBytes());
        if (report.signature() == null) {
            // Not a PDF at all: a mistake in what was chosen, told at the field rather than as a verdict.
            ModelAndView page = verifyPage();
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject(
                    "errors",
                    FormErrors.of(
                            "The file could not be checked.",
                            "file",
                            report.reasons().get(0) + " Choose the declaration's PDF file."));
            return page;
        }
        ModelAndView page = verifyPage();
        page.addObject("report", report);
        page.addObject("fileName", file.getOriginalFilename());
        return page;
    }

    private String refusal(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return "Choose the declaration's PDF file; the file sent was empty or missing.";
        }
        long max = properties.verification().maxSize().toBytes();
        if (file.getSize() > max) {
            return "The file is larger than "
                    + properties.verification().maxSize().toMegabytes()
                    + " MB; a declaration is a few hundred kilobytes.";
        }
        return null;
    }

    private ModelAndView verifyPage() {
        ModelAndView page = new ModelAndView("ui/public/verify");
        page.addObject("errors", FormErrors.NONE);
        page.addObject("maxMegabytes", properties.verification().maxSize().toMegabytes());
        return page;
    }
}
