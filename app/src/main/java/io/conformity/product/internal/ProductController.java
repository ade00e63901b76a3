package io.conformity.product.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.conformity.identity.IdentityApi;
import io.conformity.problem.ProblemType;
import io.conformity.product.ChangeSupportPeriodCommand;
import io.conformity.product.ClassifyProductCommand;
import io.conformity.product.CreateManufacturerCommand;
import io.conformity.product.CreateProductCommand;
import io.conformity.product.CreateReleaseCommand;
import io.conformity.product.ManufacturerView;
import io.conformity.product.MemberView;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ProfileCommand;
import io.conformity.product.ProfileView;
import io.conformity.product.ReleaseView;
import io.conformity.web.ListQuery;
import io.conformity.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/v1")
class ProductController {

    /** Who reads product records at all; which products each may read is the product module's rule. */
    static final String READERS = "hasAnyRole('ENGINEER', 'COMPLIANCE_OFFICER', 'SIGNATORY', 'ADMIN')";

    private final ProductApi products;
    private final IdentityApi identity;

    ProductController(ProductApi products, IdentityApi identity) {
        this.products = products;
        this.identity = identity;
    }

    @PostMapping("/manufacturers")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ManufacturerView> createManufacturer(@RequestBody CreateManufacturerCommand command) {
        ManufacturerView created = products.createManufacturer(command);
        return ResponseEntity.created(below(created.id())).body(created);
    }

    @GetMapping("/manufacturers")
    @PreAuthorize(READERS)
    PagedModel<ManufacturerView> manufacturers(
            @ListQuery(sortable = "name", defaultSort = "name") ManufacturerQuery query) {
        return new PagedModel<>(products.manufacturers(query.q(), query.pageable()));
    }

    record ManufacturerQuery(
            @Parameter(description = "Text in the name, in any case")
            String q,

            Pageable pageable) {}

    @GetMapping("/manufacturers/{id}")
    @PreAuthorize(READERS)
    ManufacturerView manufacturer(@PathVariable UUID id) {
        return products.manufacturer(id);
    }

    @PostMapping("/products")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProductView> createProduct(@RequestBody CreateProductCommand command) {
        ProductView created = products.createProduct(command);
        return ResponseEntity.created(below(created.id())).body(created);
    }

    @GetMapping("/products")
    @PreAuthorize(READERS)
    PagedModel<ProductView> products(
            @ListQuery(
                            sortable = {"modelDesignation", "productType", "supportPeriodEnd"},
                            defaultSort = "modelDesignation")
                    ProductQuery query) {
        return new PagedModel<>(products.products(query.manufacturerId(), query.q(), query.pageable()));
    }

    record ProductQuery(
            @Parameter(description = "Only the products of this manufacturer")
            UUID manufacturerId,

            @Parameter(description = "Text in the model designation or the product type, in any case")
            String q,

            Pageable pageable) {}

    @GetMapping("/products/{id}")
    @PreAuthorize(READERS)
    ProductView product(@PathVariable UUID id) {
        return products.product(id);
    }

    /** Where the Cyber Resilience Act places the product; decides which conformity routes its assessments may take. */
    @PutMapping("/products/{productId}/cra-category")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    ProductView classify(@PathVariable UUID productId, @RequestBody ClassifyProductCommand command) {
        return products.classify(productId, command);
    }

    /** Extends (or, before any declaration stated it, moves) the end of the support period. */
    @PutMapping("/products/{productId}/support-period")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ProblemResponses(ProblemType.SUPPORT_PERIOD_SHORTENED)
    ProductView changeSupportPeriod(@PathVariable UUID productId, @RequestBody ChangeSupportPeriodCommand command) {
        return products.changeSupportPeriod(productId, command);
    }

    @PostMapping("/products/{productId}/releases")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponses(ProblemType.DUPLICATE_RELEASE)
    ResponseEntity<ReleaseView> createRelease(@PathVariable UUID productId, @RequestBody CreateReleaseCommand command) {
        ReleaseView created = products.createRelease(productId, command);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/releases/{id}")
                        .buildAndExpand(created.id())
                        .toUri())
                .body(created);
    }

    @GetMapping("/products/{productId}/releases")
    @PreAuthorize(READERS)
    PagedModel<ReleaseView> releases(
            @PathVariable UUID productId,
            @ListQuery(
                            sortable = {"createdAt", "firmwareVersion"},
                            defaultSort = "createdAt,desc")
                    Pageable pageable) {
        return new PagedModel<>(products.releases(productId, pageable));
    }

    @PutMapping("/products/{productId}/profiles/{version}")
    @PreAuthorize("hasRole('COMPLIANCE_OFFICER')")
    @ProblemResponses(ProblemType.CONCURRENT_UPDATE)
    ProfileView saveProfile(
            @PathVariable UUID productId, @PathVariable String version, @RequestBody ProfileCommand command) {
        return products.saveProfile(
                productId, version, command, identity.currentUser().username());
    }

    @GetMapping("/products/{productId}/profiles/{version}")
    @PreAuthorize(READERS)
    ProfileView profile(@PathVariable UUID productId, @PathVariable String version) {
        return products.profile(productId, version);
    }

    @GetMapping("/releases/{id}")
    @PreAuthorize(READERS)
    ReleaseView release(@PathVariable UUID id) {
        return products.release(id);
    }

    /** Who works on the product: its members read it, administrators manage it. */
    @GetMapping("/products/{productId}/members")
    @PreAuthorize(READERS)
    List<MemberView> members(@PathVariable UUID productId) {
        return products.members(productId);
    }

    /** Makes an existing user a member; idempotent (201 when they became one, 200 when they already were). */
    @PutMapping("/products/{productId}/members/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<MemberView> addMember(@PathVariable UUID productId, @PathVariable String username) {
        ProductApi.Membership membership = products.addMember(productId, username);
        return ResponseEntity.status(membership.added() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(membership.member());
    }

    @DeleteMapping("/products/{productId}/members/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable UUID productId, @PathVariable String username) {
        products.removeMember(productId, username);
    }

    /** The URI of the resource just created under the collection this request posted to. */
    private static URI below(UUID id) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQuery(null)
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
    }
}
