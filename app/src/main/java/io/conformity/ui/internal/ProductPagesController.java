package io.conformity.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.OpenAssessmentCommand;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.declaration.DeclarationApi;
import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.identity.IdentityApi;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.product.AnnexItem;
import io.conformity.product.ChangeSupportPeriodCommand;
import io.conformity.product.ClassifyProductCommand;
import io.conformity.product.CraCategory;
import io.conformity.product.CreateManufacturerCommand;
import io.conformity.product.CreateProductCommand;
import io.conformity.product.CreateReleaseCommand;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ProfileCommand;
import io.conformity.product.ProfileView;
import io.conformity.product.ReleaseView;
import io.conformity.workflow.TaskKind;
import io.conformity.workflow.WorkflowApi;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Products and their releases: the list, a new product, and one product with its profile, releases and assessments. */
@Controller
class ProductPagesController {

    static final String READERS = "hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')";
    static final String OFFICER = "hasRole('COMPLIANCE_OFFICER')";
    static final int PAGE_SIZE = 20;
    static final String NEW_MANUFACTURER = "new";

    private final ProductApi products;
    private final AssessmentApi assessments;
    private final DeclarationApi declarations;
    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final WorkflowApi workflow;
    private final Validator validator;
    private final TransactionTemplate transaction;

    ProductPagesController(
            ProductApi products,
            AssessmentApi assessments,
            DeclarationApi declarations,
            CatalogApi catalog,
            IdentityApi identity,
            WorkflowApi workflow,
            Validator validator,
            PlatformTransactionManager transactions) {
        this.products = products;
        this.assessments = assessments;
        this.declarations = declarations;
        this.catalog = catalog;
        this.identity = identity;
        this.workflow = workflow;
        this.validator = validator;
        this.transaction = new TransactionTemplate(transactions);
    }

    // The list.

    /** A product row with its manufacturer's name. */
    public record ProductRow(ProductView product, String manufacturer) {}

    @GetMapping("/products")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        Page<ProductView> found = products.products(
                null, text, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("modelDesignation")));
        Map<UUID, String> names = new HashMap<>();
        List<ProductRow> rows = found.stream()
                .map(p -> new ProductRow(
                        p,
                        names.computeIfAbsent(
                                p.manufacturerId(),
                                id -> products.manufacturer(id).name())))
                .toList();
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("page", found);
        model.addAttribute("rows", rows);
        return "ui/products/list";
    }

    // A new product.

    /** What the new-product form holds, as typed. */
    public record NewProductForm(
            String manufacturerId,
            String manufacturerName,
            String manufacturerAddress,
            String modelDesignation,
            String productType,
            String supportPeriodEnd,
            String supportPeriodUrl,
            String firstSuppliedOn,
            String craCategory,
            String annexNumber,
            String annexLabel) {

        static NewProductForm empty() {
            return new NewProductForm("", "", "", "", "", "", "", "", "DEFAULT", "", "");
        }
    }

    @GetMapping("/products/new")
    @PreAuthorize(OFFICER)
    String newProduct(Model model) {
        return newProductPage(model, NewProductForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/products")
    @PreAuthorize(OFFICER)
    ModelAndView createProduct(
            @RequestParam(defaultValue = "") String manufacturerId,
            @RequestParam(defaultValue = "") String manufacturerName,
            @RequestParam(defaultValue = "") String manufacturerAddress,
            @RequestParam(defaultValue = "") String modelDesignation,
            @RequestParam(defaultValue = "") String productType,
            @RequestParam(defaultValue = "") String supportPeriodEnd,
            @RequestParam(defaultValue = "") String supportPeriodUrl,
            @RequestParam(defaultValue = "") String firstSuppliedOn,
            @RequestParam(defaultValue = "DEFAULT") String craCategory,
            @RequestParam(defaultValue = "") String annexNumber,
            @RequestParam(defaultValue = "") String annexLabel,
            Model model) {
        NewProductForm form = new NewProductForm(
                manufacturerId,
                manufacturerName,
                manufacturerAddress,
                modelDesignation,
                productType,
                supportPeriodEnd,
                supportPeriodUrl,
                firstSuppliedOn,
                craCategory,
                annexNumber,
                annexLabel);
        Typed typed = new Typed();
        boolean creating = NEW_MANUFACTURER.equals(manufacturerId) || manufacturerId.isBlank();
        UUID chosen = creating ? null : typed.uuid("manufacturerId", manufacturerId);
        CreateManufacturerCommand manufacturer = creating
                ? new CreateManufacturerCommand(blank(manufacturerName), blank(manufacturerAddress), null)
                : null;
        CreateProductCommand product = new CreateProductCommand(
                chosen,
                blank(modelDesignation),
                blank(productType),
                typed.date("supportPeriodEnd", supportPeriodEnd),
                blank(supportPeriodUrl),
                typed.category("craCategory", craCategory),
                typed.annexItem(annexNumber, annexLabel),
                typed.date("firstSuppliedOn", firstSuppliedOn));
        // Both are checked before either is stored, so that a refused product leaves no manufacturer behind.
        Map<String, String> fields = new LinkedHashMap<>(typed.errors);
        if (manufacturer != null) {
            violations(manufacturer).forEach((k, v) -> fields.putIfAbsent("manufacturer." + k, v));
        }
        violations(product).forEach((k, v) -> {
            if (!(creating && k.equals("manufacturerId"))) {
                fields.putIfAbsent(k, v);
            }
        });
        if (!fields.isEmpty()) {
            newProductPage(model, form, new FormErrors(SUMMARY, fields));
            return refused("ui/products/new", model, HttpStatus.BAD_REQUEST);
        }
        try {
            ProductView created = transaction.execute(status -> {
                UUID id = manufacturer == null
                        ? chosen
                        : products.createManufacturer(manufacturer).id();
                return products.createProduct(withManufacturer(product, id));
            });
            return Redirects.seeOther("/products/" + created.id() + "?created");
        } catch (ProblemException e) {
            newProductPage(model, form, FormErrors.of(e));
            return refused("ui/products/new", model, e.getStatusCode());
        } catch (ConstraintViolationException e) {
            newProductPage(model, form, FormErrors.of(e));
            return refused("ui/products/new", model, HttpStatus.BAD_REQUEST);
        }
    }

    private String newProductPage(Model model, NewProductForm form, FormErrors errors) {
        model.addAttribute(
                "manufacturers",
                products.manufacturers(null, PageRequest.of(0, 500, Sort.by("name")))
                        .getContent());
        model.addAttribute("categories", CraCategory.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "ui/products/new";
    }

    private static CreateProductCommand withManufacturer(CreateProductCommand c, UUID manufacturerId) {
        return new CreateProductCommand(
                manufacturerId,
                c.modelDesignation(),
                c.productType(),
                c.supportPeriodEnd(),
                c.supportPeriodUrl(),
                c.craCategory(),
                c.craAnnexItem(),
                c.firstSuppliedOn());
    }

    // One product.

    /** A release with its assessments, and the issued declarations a new assessment would have to supersede. */
    public record ReleaseRow(ReleaseView release, List<AssessmentRow> assessments, List<DeclarationView> issued) {}

    public record AssessmentRow(AssessmentView assessment, List<DeclarationView> declarations) {}

    /** The classify form as typed. */
    public record ClassifyForm(String craCategory, String annexNumber, String annexLabel) {}

    public record SupportForm(String supportPeriodEnd, String supportPeriodUrl) {}

    public record ReleaseForm(String firmwareVersion, String batch) {}

    /** The open-assessment form of one release, as typed. */
    public record OpenForm(String releaseId, List<String> regimes, String en303645Version, List<String> supersedes) {}

    /** One question of the profile form with the answer given, if any ("true", "false" or ""). */
    public record Question(String kind, String id, String field, String text, String answer) {}

    @GetMapping("/products/{id}")
    @PreAuthorize(READERS)
    String product(
            @PathVariable UUID id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) UUID opened,
            Model model) {
        productPage(model, id, version);
        if (opened != null) {
            model.addAttribute("opened", opened);
            // The process starts with the opening: its first step, the scope, is the officer's next click.
            model.addAttribute(
                    "openedTask",
                    workflow.tasks(identity.currentUser(), opened).stream()
                            .filter(t -> t.kind() == TaskKind.CONFIRM_SCOPE)
                            .findFirst()
                            .orElse(null));
        }
        return "ui/products/product";
    }

    @PostMapping("/products/{id}/classification")
    @PreAuthorize(OFFICER)
    ModelAndView classify(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String craCategory,
            @RequestParam(defaultValue = "") String annexNumber,
            @RequestParam(defaultValue = "") String annexLabel,
            Model model) {
        Typed typed = new Typed();
        ClassifyProductCommand command = new ClassifyProductCommand(
                typed.category("craCategory", craCategory), typed.annexItem(annexNumber, annexLabel));
        return change(
                model,
                id,
                null,
                "classify",
                new ClassifyForm(craCategory, annexNumber, annexLabel),
                typed,
                command,
                () -> products.classify(id, command));
    }

    @PostMapping("/products/{id}/support-period")
    @PreAuthorize(OFFICER)
    ModelAndView changeSupportPeriod(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String supportPeriodEnd,
            @RequestParam(defaultValue = "") String supportPeriodUrl,
            Model model) {
        Typed typed = new Typed();
        ChangeSupportPeriodCommand command = new ChangeSupportPeriodCommand(
                typed.date("supportPeriodEnd", supportPeriodEnd), blank(supportPeriodUrl));
        return change(
                model,
                id,
                null,
                "support",
                new SupportForm(supportPeriodEnd, supportPeriodUrl),
                typed,
                command,
                () -> products.changeSupportPeriod(id, command));
    }

    @PostMapping("/products/{id}/profile")
    @PreAuthorize(OFFICER)
    ModelAndView saveProfile(
            @PathVariable UUID id,
            @RequestParam String version,
            @RequestParam Map<String, String> parameters,
            Model model) {
        Map<String, Boolean> conditions = new LinkedHashMap<>();
        Map<String, Boolean> features = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (name.startsWith("conditions.")) {
                conditions.put(name.substring("conditions.".length()), Boolean.valueOf(value));
            } else if (name.startsWith("features.")) {
                features.put(name.substring("features.".length()), Boolean.valueOf(value));
            }
        });
        ProfileCommand command = new ProfileCommand(conditions, features);
        Map<String, String> typed = new LinkedHashMap<>();
        conditions.forEach((k, v) -> typed.put("conditions." + k, v.toString()));
        features.forEach((k, v) -> typed.put("features." + k, v.toString()));
        return change(
                model,
                id,
                version,
                "profile",
                typed,
                new Typed(),
                command,
                () -> products.saveProfile(
                        id, version, command, identity.currentUser().username()));
    }

    @PostMapping("/products/{id}/releases")
    @PreAuthorize(OFFICER)
    ModelAndView createRelease(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String firmwareVersion,
            @RequestParam(defaultValue = "") String batch,
            Model model) {
        CreateReleaseCommand command = new CreateReleaseCommand(blank(firmwareVersion), blank(batch));
        return change(
                model,
                id,
                null,
                "release",
                new ReleaseForm(firmwareVersion, batch),
                new Typed(),
                command,
                () -> products.createRelease(id, command));
    }

    /** Opens an assessment as the API does; the workflow starts on the opening's event. */
    @PostMapping("/releases/{releaseId}/assessments")
    @PreAuthorize(OFFICER)
    ModelAndView openAssessment(
            @PathVariable UUID releaseId,
            @RequestParam(required = false) List<String> regimes,
            @RequestParam(defaultValue = "") String en303645Version,
            @RequestParam(required = false) List<String> supersedes,
            Model model) {
        // An unknown release reads as the page that is not there, like the API's 404.
        UUID productId = products.release(releaseId).productId();
        Typed typed = new Typed();
        List<UUID> replaced = new ArrayList<>();
        for (String each : supersedes == null ? List.<String>of() : supersedes) {
            UUID parsed = typed.uuid("supersedes", each);
            if (parsed != null) {
                replaced.add(parsed);
            }
        }
        List<String> chosen = regimes == null ? List.of() : regimes;
        OpenAssessmentCommand command = new OpenAssessmentCommand(releaseId, chosen, blank(en303645Version), replaced);
        OpenForm form = new OpenForm(
                releaseId.toString(), chosen, en303645Version, supersedes == null ? List.of() : supersedes);
        Map<String, String> fields = new LinkedHashMap<>(typed.errors);
        violations(command).forEach(fields::putIfAbsent);
        FormErrors errors;
        HttpStatusCode status = HttpStatus.BAD_REQUEST;
        if (fields.isEmpty()) {
            try {
                AssessmentView opened =
                        assessments.open(command, identity.currentUser().username());
                return Redirects.seeOther(
                        "/products/" + productId + "?opened=" + opened.id() + "#release-" + releaseId);
            } catch (ProblemException e) {
                errors = FormErrors.of(e);
                status = e.getStatusCode();
            } catch (ConstraintViolationException e) {
                errors = FormErrors.of(e);
            }
        } else {
            errors = new FormErrors(SUMMARY, fields);
        }
        productPage(model, productId, null);
        model.addAttribute("openForm", form);
        model.addAttribute("openErrors", errors);
        return refused("ui/products/product", model, status);
    }

    /**
     * One change on the product page: refused when what was typed cannot be read or breaks the command's rules, else
     * the facade's answer; a refusal shows the page again with the message at the form's fields.
     */
    private ModelAndView change(
            Model model,
            UUID productId,
            String version,
            String formName,
            Object form,
            Typed typed,
            Object command,
            Supplier<Object> action) {
        Map<String, String> fields = new LinkedHashMap<>(typed.errors);
        violations(command).forEach(fields::putIfAbsent);
        FormErrors errors;
        HttpStatusCode status = HttpStatus.BAD_REQUEST;
        if (fields.isEmpty()) {
            try {
                action.get();
                String anchor = switch (formName) {
                    case "release" -> "#releases";
                    case "profile" -> "#profile";
                    default -> "#facts";
                };
                return Redirects.seeOther("/products/" + productId
                        + (version == null ? "?saved=" + formName : "?version=" + version + "&saved=" + formName)
                        + anchor);
            } catch (ProblemException e) {
                errors = FormErrors.of(e);
                status = e.getStatusCode();
            } catch (ConstraintViolationException e) {
                errors = FormErrors.of(e);
            }
        } else {
            errors = new FormErrors(SUMMARY, fields);
        }
        productPage(model, productId, version);
        model.addAttribute(formName + "Form", form);
        model.addAttribute(formName + "Errors", errors);
        return refused("ui/products/product", model, status);
    }

    private void productPage(Model model, UUID id, String version) {
        ProductView product = products.product(id);
        model.addAttribute("product", product);
        model.addAttribute("manufacturer", products.manufacturer(product.manufacturerId()));
        model.addAttribute("members", products.members(id));
        model.addAttribute("categories", CraCategory.values());
        model.addAttribute("regimes", catalog.regimes());
        List<String> versions = catalog.en303645Versions();
        model.addAttribute("versions", versions);

        // Profile: the version asked for, else the first one answered, else the first offered.
        Map<String, ProfileView> profiles = new LinkedHashMap<>();
        for (String each : versions) {
            try {
                profiles.put(each, products.profile(id, each));
            } catch (NotFoundException e) {
                // Not answered for this version yet.
            }
        }
        String shown = version != null && versions.contains(version)
                ? version
                : profiles.keySet().stream().findFirst().orElse(versions.isEmpty() ? null : versions.get(0));
        model.addAttribute("profileVersion", shown);
        model.addAttribute("profiles", profiles);
        model.addAttribute("questions", shown == null ? List.of() : questions(shown, profiles.get(shown)));
        model.addAttribute("derived", shown == null ? List.of() : derived(shown));

        // Releases, newest first, each with its assessments and their declarations.
        List<ReleaseView> releases = products.releases(
                        id, PageRequest.of(0, 100, Sort.by(Sort.Direction.DESC, "createdAt")))
                .getContent();
        List<AssessmentView> assessed = assessments
                .assessments(id, null, PageRequest.of(0, 200, Sort.by(Sort.Direction.DESC, "openedAt")))
                .getContent();
        Map<UUID, List<DeclarationView>> declared = declarations.allOfAssessments(
                assessed.stream().map(AssessmentView::id).toList());
        Map<UUID, List<AssessmentRow>> byRelease = new HashMap<>();
        for (AssessmentView assessment : assessed) {
            byRelease
                    .computeIfAbsent(assessment.releaseId(), r -> new ArrayList<>())
                    .add(new AssessmentRow(assessment, declared.getOrDefault(assessment.id(), List.of())));
        }
        List<ReleaseRow> rows = releases.stream()
                .map(r -> {
                    List<AssessmentRow> of = byRelease.getOrDefault(r.id(), List.of());
                    List<DeclarationView> issued = of.stream()
                            .flatMap(a -> a.declarations().stream())
                            .filter(d -> d.status() == DeclarationStatus.ISSUED)
                            .toList();
                    return new ReleaseRow(r, of, issued);
                })
                .toList();
        model.addAttribute("releases", rows);

        model.addAttribute(
                "classifyForm",
                new ClassifyForm(
                        product.craCategory().name(),
                        product.craAnnexItem() == null || product.craAnnexItem().number() == null
                                ? ""
                                : product.craAnnexItem().number().toString(),
                        product.craAnnexItem() == null
                                ? ""
                                : product.craAnnexItem().label()));
        model.addAttribute(
                "supportForm",
                new SupportForm(
                        product.supportPeriodEnd().toString(),
                        product.supportPeriodUrl() == null ? "" : product.supportPeriodUrl()));
        model.addAttribute("releaseForm", new ReleaseForm("", ""));
        model.addAttribute("openForm", new OpenForm("", List.of("PSTI"), "", List.of()));
        model.addAttribute("noErrors", FormErrors.NONE);
        for (String form : List.of("classify", "support", "profile", "release", "open")) {
            model.addAttribute(form + "Errors", FormErrors.NONE);
        }
    }

    private List<Question> questions(String version, ProfileView saved) {
        Framework framework = catalog.framework(CatalogApi.EN_303_645, version).orElse(null);
        if (framework == null) {
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        for (Framework.Condition c : framework.conditions()) {
            // A complement is derived from the condition it negates; asking both invites a contradiction.
            if (c.complementOf() == null) {
                questions.add(question("conditions", c, saved == null ? null : saved.conditions()));
            }
        }
        for (Framework.Condition f : framework.features()) {
            questions.add(question("features", f, saved == null ? null : saved.features()));
        }
        return questions;
    }

    /** The conditions the form does not ask, each with the one it follows from. */
    private List<String> derived(String version) {
        return catalog.framework(CatalogApi.EN_303_645, version).stream()
                .flatMap(f -> f.conditions().stream())
                .filter(c -> c.complementOf() != null)
                .map(c -> "Condition " + c.id() + " (" + c.text() + ") is the opposite of condition " + c.complementOf()
                        + " and follows from its answer.")
                .toList();
    }

    private static Question question(String kind, Framework.Condition c, Map<String, Boolean> answers) {
        Boolean answer = answers == null ? null : answers.get(c.id());
        return new Question(kind, c.id(), kind + "." + c.id(), c.text(), answer == null ? "" : answer.toString());
    }

    // Helpers.

    static final String SUMMARY = "Some fields need attention; nothing was saved.";

    /** The page again, with what was typed and the refusal, under the refusal's status. */
    private static ModelAndView refused(String view, Model model, HttpStatusCode status) {
        return new ModelAndView(view, model.asMap(), status);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Bean validation of a command before it reaches a facade, by field path ({@code craAnnexItem.label}). */
    private Map<String, String> violations(Object command) {
        return FormErrors.of(validator.validate(command), null).fields();
    }

    /** Reads typed text into values, keeping a message per field it cannot read. */
    static final class Typed {
        final Map<String, String> errors = new LinkedHashMap<>();

        LocalDate date(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                errors.put(field, "must be a date such as 2030-06-30");
                return null;
            }
        }

        UUID uuid(String field, String text) {
            try {
                return UUID.fromString(text.strip());
            } catch (IllegalArgumentException e) {
                errors.put(field, "choose one of the list");
                return null;
            }
        }

        CraCategory category(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return CraCategory.valueOf(text.strip());
            } catch (IllegalArgumentException e) {
                errors.put(field, "choose one of the list");
                return null;
            }
        }

        /** No item when neither part is given, so that a default product needs none. */
        AnnexItem annexItem(String number, String label) {
            if ((number == null || number.isBlank()) && (label == null || label.isBlank())) {
                return null;
            }
            Integer parsed = null;
            if (number != null && !number.isBlank()) {
                try {
                    parsed = Integer.valueOf(number.strip());
                } catch (NumberFormatException e) {
                    errors.put("craAnnexItem.number", "must be a whole number");
                }
            }
            return new AnnexItem(parsed, blank(label));
        }
    }
}
