package io.conformity.product.internal;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.identity.IdentityApi;
import io.conformity.product.CreateManufacturerCommand;
import io.conformity.product.CreateProductCommand;
import io.conformity.product.CreateReleaseCommand;
import io.conformity.product.ManufacturerView;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ProfileCommand;
import io.conformity.product.ProfileView;
import io.conformity.product.ReleaseView;

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
    ResponseEntity<ManufacturerView> createManufacturer(@RequestBody CreateManufacturerCommand command) {
        ManufacturerView created = products.createManufacturer(command);
        return ResponseEntity.created(URI.create("/api/v1/manufacturers/" + created.id())).body(created);
    }

    @GetMapping("/manufacturers/{id}")
    ManufacturerView manufacturer(@PathVariable UUID id) {
        return products.manufacturer(id);
    }

    @PostMapping("/products")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    ResponseEntity<ProductView> createProduct(@RequestBody CreateProductCommand command) {
        ProductView created = products.createProduct(command);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id())).body(created);
    }

    @GetMapping("/products/{id}")
    ProductView product(@PathVariable UUID id) {
        return products.product(id);
    }

    @PostMapping("/products/{productId}/releases")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    ResponseEntity<ReleaseView> createRelease(@PathVariable UUID productId,
            @RequestBody CreateReleaseCommand command) {
        ReleaseView created = products.createRelease(productId, command);
        return ResponseEntity.created(URI.create("/api/v1/releases/" + created.id())).body(created);
    }

    @PutMapping("/products/{productId}/profiles/{version}")
    @PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
    ProfileView saveProfile(@PathVariable UUID productId, @PathVariable String version,
            @RequestBody ProfileCommand command) {
        return products.saveProfile(productId, version, command, identity.currentUser().username());
    }

    @GetMapping("/products/{productId}/profiles/{version}")
    ProfileView profile(@PathVariable UUID productId, @PathVariable String version) {
        return products.profile(productId, version);
    }

    @GetMapping("/releases/{id}")
    ReleaseView release(@PathVariable UUID id) {
        return products.release(id);
    }
}
