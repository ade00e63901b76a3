package io.conformity.product.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.audit.Audited;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ChangeSupportPeriodCommand;
import io.conformity.product.ClassifyProductCommand;
import io.conformity.product.CreateManufacturerCommand;
import io.conformity.product.CreateProductCommand;
import io.conformity.product.CreateReleaseCommand;
import io.conformity.product.ManufacturerView;
import io.conformity.product.MemberView;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductProperties;
import io.conformity.product.ProductScope;
import io.conformity.product.ProductView;
import io.conformity.product.ProfileCommand;
import io.conformity.product.ProfileView;
import io.conformity.product.ReleaseDetails;
import io.conformity.product.ReleaseView;
import jakarta.persistence.criteria.Predicate;

@Service
@Validated
@Transactional
class ProductService implements ProductApi {

    private final ManufacturerRepository manufacturers;
    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final ProductProfileRepository profiles;
    private final ProductMemberRepository members;
    private final ProductAccess access;
    private final IdentityApi identity;
    private final ApplicationEventPublisher events;
    private final CatalogApi catalog;
    private final ProductProperties properties;
    private final Clock clock;

    ProductService(
            ManufacturerRepository manufacturers,
            ProductRepository products,
            ReleaseRepository releases,
            ProductProfileRepository profiles,
            ProductMemberRepository members,
            ProductAccess access,
            IdentityApi identity,
            ApplicationEventPublisher events,
            CatalogApi catalog,
            ProductProperties properties,
            Clock clock) {
        this.manufacturers = manufacturers;
        this.products = products;
        this.releases = releases;
        this.profiles = profiles;
        this.members = members;
        this.access = access;
        this.identity = identity;
        this.events = events;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    private void audit(String action, String subjectType, UUID subjectId, Map<String, ?> change) {
        events.publishEvent(Audited.of(action, subjectType, subjectId.toString(), change));
    }

    @Override
    public ManufacturerView createManufacturer(CreateManufacturerCommand command) {
        ManufacturerView created = manufacturers
                .save(new Manufacturer(command.name(), command.address(), command.authorisedRepresentatives()))
                .view();
        audit("manufacturer.created", "manufacturer", created.id(), Map.of("manufacturer", created));
        return created;
    }

    @Override
    @Transactional(readOnly = true)
    public ManufacturerView manufacturer(UUID id) {
        access.requireProductReader();
        return findManufacturer(id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ManufacturerView> manufacturers(String text, Pageable pageable) {
        access.requireProductReader();
        return manufacturers.findAll(containing(text, "name"), pageable).map(Manufacturer::view);
    }

    @Override
    public ProductView createProduct(CreateProductCommand command) {
        findManufacturer(command.manufacturerId());
        ProductView created = products.save(new Product(
                        command.manufacturerId(),
                        command.modelDesignation(),
                        command.productType(),
                        command.supportPeriodEnd(),
                        command.supportPeriodUrl(),
                        command.craCategory(),
                        command.craAnnexItem(),
                        command.firstSuppliedOn(),
                        latestSupportPeriodEnd()))
                .view();
        audit("product.created", "product", created.id(), Map.of("product", created));
        // Whoever registers a product works on it; nobody else does until an administrator adds them.
        access.caller().ifPresent(creator -> {
            members.save(new ProductMember(created.id(), creator.username(), creator.username(), clock.instant()));
            events.publishEvent(Audited.of(
                    "membership.added",
                    "product",
                    created.id().toString(),
                    Map.of("username", creator.username(), "reason", "created the product")));
        });
        return created;
    }

    @Override
    public ProductView classify(UUID productId, ClassifyProductCommand command) {
        access.requireMember(productId, () -> productNotFound(productId));
        Product product = findProduct(productId);
        product.classify(command.craCategory(), command.craAnnexItem());
        audit("product.classified", "product", productId, Map.of("classification", command));
        return product.view();
    }

    @Override
    public void lockRelease(UUID releaseId) {
        if (releases.lockById(releaseId).isEmpty()) {
            throw new NotFoundException("Release", releaseId);
        }
    }

    @Override
    public ProductView changeSupportPeriod(UUID productId, ChangeSupportPeriodCommand command) {
        access.requireMember(productId, () -> productNotFound(productId));
        Product product =
                products.findForUpdate(productId).orElseThrow(() -> new NotFoundException("Product", productId));
        boolean wasOutOfSupport = product.outOfSupport();
        product.changeSupportPeriod(
                command.supportPeriodEnd(),
                command.supportPeriodUrl(),
                latestSupportPeriodEnd(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit("product.support-period-changed", "product", productId, Map.of("supportPeriod", command));
        if (wasOutOfSupport && !product.outOfSupport()) {
            audit(
                    "product.back-in-support",
                    "product",
                    productId,
                    Map.of("supportPeriodEnd", command.supportPeriodEnd()));
        }
        return product.view();
    }

    @Override
    public void supportPeriodDeclared(UUID productId, LocalDate end) {
        products.findForUpdate(productId)
                .orElseThrow(() -> new NotFoundException("Product", productId))
                .supportPeriodDeclared(end);
        audit("product.support-period-declared", "product", productId, Map.of("supportPeriodEnd", end));
    }

    private LocalDate latestSupportPeriodEnd() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plus(properties.supportPeriodHorizon());
    }

    @Override
    @Transactional(readOnly = true)
    public ProductView product(UUID id) {
        access.requireReader(id, () -> productNotFound(id));
        return findProduct(id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ProductView> products(UUID manufacturerId, String text, Pageable pageable) {
        ProductScope scope = scope();
        Specification<Product> visible = scope.everything()
                ? Specification.unrestricted()
                : (root, query, cb) -> scope.productIds().isEmpty()
                        ? cb.disjunction()
                        : root.get("id").in(scope.productIds());
        Specification<Product> ofManufacturer = manufacturerId == null
                ? Specification.unrestricted()
                : (root, query, cb) -> cb.equal(root.get("manufacturerId"), manufacturerId);
        return products.findAll(
                        visible.and(ofManufacturer).and(containing(text, "modelDesignation", "productType")), pageable)
                .map(Product::view);
    }

    @Override
    public ReleaseView createRelease(UUID productId, CreateReleaseCommand command) {
        access.requireMember(productId, () -> productNotFound(productId));
        findProduct(productId);
        if (releases.existsByProductIdAndFirmwareVersion(productId, command.firmwareVersion())) {
            throw new ProblemException(
                    ProblemType.DUPLICATE_RELEASE,
                    "Product " + productId + " already has a release " + command.firmwareVersion() + ".");
        }
        ReleaseView created = releases.save(
                        new Release(productId, command.firmwareVersion(), command.batch(), clock.instant()))
                .view();
        audit("release.created", "product", productId, Map.of("release", created));
        return created;
    }

    @Override
    @Transactional(readOnly = true)
    public ReleaseView release(UUID id) {
        Release release = findRelease(id);
        access.requireReader(release.productId(), () -> new NotFoundException("Release", id));
        return release.view();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ReleaseView> releases(UUID productId, Pageable pageable) {
        access.requireReader(productId, () -> productNotFound(productId));
        findProduct(productId);
        return releases.findByProductId(productId, pageable).map(Release::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> releaseIds(UUID productId) {
        return releases.findIdsByProductId(productId);
    }

    @Override
    @Transactional(readOnly = true)
    public ReleaseDetails releaseDetails(UUID releaseId) {
        Release release = findRelease(releaseId);
        Product product = findProduct(release.productId());
        return new ReleaseDetails(
                release.view(),
                product.view(),
                findManufacturer(product.manufacturerId()).view());
    }

    @Override
    public ProfileView saveProfile(UUID productId, String version, ProfileCommand command, String updatedBy) {
        access.requireMember(productId, () -> productNotFound(productId));
        findProduct(productId);
        Framework framework = catalog.framework(CatalogApi.EN_303_645, version)
                .orElseThrow(() -> new NotFoundException("EN 303 645 version", version));
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, Boolean> conditions = answers(framework.conditions(), command.conditions(), "/conditions", errors);
        Map<String, Boolean> features = answers(framework.features(), command.features(), "/features", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The profile for " + framework.reference() + " " + version + " has " + errors.size()
                            + " problem(s).",
                    errors);
        }
        ProductProfile profile = profiles.findByProductIdAndVersion(productId, version)
                .orElseGet(() -> new ProductProfile(productId, version));
        profile.replace(conditions, features, updatedBy, clock.instant());
        try {
            ProfileView saved = profiles.saveAndFlush(profile).view();
            audit("product.profile-set", "product", productId, Map.of("profile", saved));
            return saved;
        } catch (DataIntegrityViolationException e) {
            // Two first writes of one profile at once: the unique (product, version) row lets one through.
            throw new ProblemException(
                    ProblemType.CONCURRENT_UPDATE,
                    "The " + version + " profile of product "
                            + productId
                            + " was being written by someone else at the same time; nothing of yours was kept."
                            + " Read it and try again.");
        }
    }

    /** Every item answered, nothing unknown, complements consistent (and derived when left out). */
    private static Map<String, Boolean> answers(
            List<Framework.Condition> items,
            Map<String, Boolean> given,
            String pointer,
            List<Map<String, Object>> errors) {
        Map<String, Boolean> result = new TreeMap<>();
        Set<String> known = new HashSet<>();
        items.forEach(i -> known.add(i.id()));
        given.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .forEach(k -> errors.add(InvalidInputException.at(
                        pointer + "/" + k,
                        "unknown; this version defines "
                                + known.stream().sorted().toList())));
        for (Framework.Condition item : items) {
            Boolean answer = given.get(item.id());
            if (item.complementOf() != null) {
                Boolean other = given.get(item.complementOf());
                if (answer != null && other != null && answer.equals(other)) {
                    errors.add(InvalidInputException.at(
                            pointer + "/" + item.id(),
                            "\"" + item.text() + "\" must be the opposite of (" + item.complementOf() + ")"));
                }
                if (answer == null && other != null) {
                    answer = !other;
                }
            }
            if (answer == null) {
                errors.add(
                        InvalidInputException.at(pointer + "/" + item.id(), "not answered: \"" + item.text() + "\""));
            } else {
                result.put(item.id(), answer);
            }
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public ProfileView profile(UUID productId, String version) {
        access.requireReader(productId, () -> productNotFound(productId));
        findProduct(productId);
        return profiles.findByProductIdAndVersion(productId, version)
                .map(ProductProfile::view)
                .orElseThrow(() -> new NotFoundException("Product profile", productId + "/" + version));
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberView> members(UUID productId) {
        access.requireReader(productId, () -> productNotFound(productId));
        findProduct(productId);
        return members.findByProductIdOrderByUsername(productId).stream()
                .map(ProductMember::view)
                .toList();
    }

    @Override
    public Membership addMember(UUID productId, String username) {
        String admin = requireAdministrator();
        findProduct(productId);
        if (identity.user(username).isEmpty()) {
            throw new NotFoundException("User", username);
        }
        Optional<ProductMember> existing = members.findByProductIdAndUsername(productId, username);
        if (existing.isPresent()) {
            return new Membership(existing.get().view(), false);
        }
        ProductMember member;
        try {
            // Flushed so that a parallel grant of the same membership meets the unique key here, not at commit.
            member = members.saveAndFlush(new ProductMember(productId, username, admin, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ProblemException(
                    ProblemType.CONCURRENT_UPDATE,
                    "The membership of '" + username + "' in product " + productId
                            + " was being changed by someone else at the same time. Read it and try again.");
        }
        events.publishEvent(
                Audited.of("membership.added", "product", productId.toString(), Map.of("username", username)));
        return new Membership(member.view(), true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> memberUsernames(UUID productId) {
        return members.findUsernamesByProductId(productId);
    }

    @Override
    public void removeMember(UUID productId, String username) {
        requireAdministrator();
        findProduct(productId);
        ProductMember member = members.findByProductIdAndUsername(productId, username)
                .orElseThrow(() -> new NotFoundException("Product member", username));
        members.delete(member);
        events.publishEvent(
                Audited.of("membership.removed", "product", productId.toString(), Map.of("username", username)));
    }

    @Override
    @Transactional(readOnly = true)
    public void requireReader(UUID productId, Supplier<? extends ProblemException> notFound) {
        access.requireReader(productId, notFound);
        if (!products.existsById(productId)) {
            throw notFound.get();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public void requireMember(UUID productId, Supplier<? extends ProblemException> notFound) {
        access.requireMember(productId, notFound);
        if (!products.existsById(productId)) {
            throw notFound.get();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public void requireReleaseReader(UUID releaseId, Supplier<? extends ProblemException> notFound) {
        access.requireReader(releases.findById(releaseId).orElseThrow(notFound).productId(), notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public void requireReleaseMember(UUID releaseId, Supplier<? extends ProblemException> notFound) {
        access.requireMember(releases.findById(releaseId).orElseThrow(notFound).productId(), notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public ProductScope scope() {
        return access.scope(productIds -> productIds.isEmpty() ? Set.of() : releases.findIdsByProductIdIn(productIds));
    }

    /**
     * Membership is the administrators' to manage, and the method says so itself rather than trust its callers. With
     * no caller it is the application's own start-up work (the demo data), recorded as by {@code system}.
     */
    private String requireAdministrator() {
        Optional<CurrentUser> caller = access.caller();
        if (caller.isPresent() && !caller.get().has(Role.ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators manage the members of a product.");
        }
        return caller.map(CurrentUser::username).orElse("system");
    }

    private static NotFoundException productNotFound(UUID id) {
        return new NotFoundException("Product", id);
    }

    /** Any of the properties contains the text, in any case; the text's own '%' and '_' match only themselves. */
    private static <T> Specification<T> containing(String text, String... properties) {
        if (text == null) {
            return Specification.unrestricted();
        }
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return (root, query, cb) -> cb.or(Arrays.stream(properties)
                .map(property -> cb.like(cb.lower(root.get(property)), pattern, '\\'))
                .toArray(Predicate[]::new));
    }

    private Manufacturer findManufacturer(UUID id) {
        return manufacturers.findById(id).orElseThrow(() -> new NotFoundException("Manufacturer", id));
    }

    private Product findProduct(UUID id) {
        return products.findById(id).orElseThrow(() -> new NotFoundException("Product", id));
    }

    private Release findRelease(UUID id) {
        return releases.findById(id).orElseThrow(() -> new NotFoundException("Release", id));
    }
}
