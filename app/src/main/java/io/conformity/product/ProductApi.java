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

    /**
     * Records the product's answers to the conditions and features of an EN 303 645 version; replaces earlier
     * answers for that version. Refused unless every condition and feature is answered consistently.
     */
    ProfileView saveProfile(UUID productId, String version, @Valid ProfileCommand command, String updatedBy);

    /** @throws io.conformity.problem.NotFoundException when no profile exists for that version */
    ProfileView profile(UUID productId, String version);
}
