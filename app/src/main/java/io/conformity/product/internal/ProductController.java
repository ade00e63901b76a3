package io.conformity.product.internal;

import java.net.URI;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private final ProductApi products;
    private final IdentityApi identity;

    ProductController(ProductApi products, IdentityApi identity) {
        this.products = products;
        this.identity = identity;
    }

    @PostMapping("/manufacturers")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ManufacturerView> createManufacturer(@RequestBody CreateManufacturerCommand command) {
        ManufacturerView created = products.createManufacturer(command);
        return ResponseEntity.created(below(created.id())).body(created);
    }

    @GetMapping("/manufacturers")
    PagedModel<ManufacturerView> manufacturers(
            @ListQuery(sortable = "name", defaultSort = "name") ManufacturerQuery query) {
        return new PagedModel<>(products.manufacturers(query.q(), query.pageable()));
    }

    record ManufacturerQuery(
            @Parameter(description = "Text in the name, in any case")
            String q,

            Pageable pageable) {}

    @GetMapping("/manufacturers/{id}")
    ManufacturerView manufacturer(@PathVariable UUID id) {
        return products.manufacturer(id);
    }

    @PostMapping("/products")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProductView> createProduct(@RequestBody CreateProductCommand command) {
        ProductView created = products.createProduct(command);
        return ResponseEntity.created(below(created.id())).body(created);
    }

    @GetMapping("/products")
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
    ProductView product(@PathVariable UUID id) {
        return products.product(id);
    }

    /** Where the Cyber Resilience Act places the product; decides which conformity routes its assessments may take. */
    @PutMapping("/products/{productId}/cra-category")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    ProductView classify(@PathVariable UUID productId, @RequestBody ClassifyProductCommand command) {
        return products.classify(productId, command);
    }

    /** Extends (or, before any declaration stated it, moves) the end of the support period. */
    @PutMapping("/products/{productId}/support-period")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    @ProblemResponses(ProblemType.SUPPORT_PERIOD_SHORTENED)
    ProductView changeSupportPeriod(@PathVariable UUID productId, @RequestBody ChangeSupportPeriodCommand command) {
        return products.changeSupportPeriod(productId, command);
    }

    @PostMapping("/products/{productId}/releases")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
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
    PagedModel<ReleaseView> releases(
            @PathVariable UUID productId,
            @ListQuery(
                            sortable = {"createdAt", "firmwareVersion"},
                            defaultSort = "createdAt,desc")
                    Pageable pageable) {
        return new PagedModel<>(products.releases(productId, pageable));
    }

    @PutMapping("/products/{productId}/profiles/{version}")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    @ProblemResponses(ProblemType.CONCURRENT_UPDATE)
    ProfileView saveProfile(
            @PathVariable UUID productId, @PathVariable String version, @RequestBody ProfileCommand command) {
        return products.saveProfile(
                productId, version, command, identity.currentUser().username());
    }

    @GetMapping("/products/{productId}/profiles/{version}")
    ProfileView profile(@PathVariable UUID productId, @PathVariable String version) {
        return products.profile(productId, version);
    }

    @GetMapping("/releases/{id}")
    ReleaseView release(@PathVariable UUID id) {
        return products.release(id);
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
