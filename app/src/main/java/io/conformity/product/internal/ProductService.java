package io.conformity.product.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.conformity.problem.ConflictException;
import io.conformity.problem.NotFoundException;
import io.conformity.product.CreateManufacturerCommand;
import io.conformity.product.CreateProductCommand;
import io.conformity.product.CreateReleaseCommand;
import io.conformity.product.ManufacturerView;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ReleaseDetails;
import io.conformity.product.ReleaseView;

@Service
@Validated
@Transactional
class ProductService implements ProductApi {

    private final ManufacturerRepository manufacturers;
    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final Clock clock;

    ProductService(ManufacturerRepository manufacturers, ProductRepository products, ReleaseRepository releases,
            Clock clock) {
        this.manufacturers = manufacturers;
        this.products = products;
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public ManufacturerView createManufacturer(CreateManufacturerCommand command) {
        return manufacturers.save(new Manufacturer(command.name(), command.address(),
                command.authorisedRepresentatives())).view();
    }

    @Override
    @Transactional(readOnly = true)
    public ManufacturerView manufacturer(UUID id) {
        return findManufacturer(id).view();
    }

    @Override
    public ProductView createProduct(CreateProductCommand command) {
        findManufacturer(command.manufacturerId());
        return products.save(new Product(command.manufacturerId(), command.modelDesignation(),
                command.productType(), command.supportPeriodEnd(), command.supportPeriodUrl())).view();
    }

    @Override
    @Transactional(readOnly = true)
    public ProductView product(UUID id) {
        return findProduct(id).view();
    }

    @Override
    public ReleaseView createRelease(UUID productId, CreateReleaseCommand command) {
        findProduct(productId);
        if (releases.existsByProductIdAndFirmwareVersion(productId, command.firmwareVersion())) {
            throw new ConflictException("duplicate-release", "Release exists",
                    "Product " + productId + " already has a release " + command.firmwareVersion() + ".");
        }
        return releases.save(new Release(productId, command.firmwareVersion(), command.batch(), clock.instant()))
                .view();
    }

    @Override
    @Transactional(readOnly = true)
    public ReleaseView release(UUID id) {
        return findRelease(id).view();
    }

    @Override
    @Transactional(readOnly = true)
    public ReleaseDetails releaseDetails(UUID releaseId) {
        Release release = findRelease(releaseId);
        Product product = findProduct(release.productId());
        return new ReleaseDetails(release.view(), product.view(), findManufacturer(product.manufacturerId()).view());
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
