package io.conformity.product;

import jakarta.validation.Valid;
import java.util.UUID;

/** Manufacturers, products and releases: who makes what, and which firmware is being certified. */
public interface ProductApi {

    ManufacturerView createManufacturer(@Valid CreateManufacturerCommand command);

    ManufacturerView manufacturer(UUID id);

    ProductView createProduct(@Valid CreateProductCommand command);

    ProductView product(UUID id);

    ReleaseView createRelease(UUID productId, @Valid CreateReleaseCommand command);

    ReleaseView release(UUID id);

    /** The release with its product and manufacturer, as a declaration names them. */
    ReleaseDetails releaseDetails(UUID releaseId);
}
