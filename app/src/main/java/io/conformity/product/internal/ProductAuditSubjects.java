package io.conformity.product.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.audit.AuditSubjects;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;

/** The history of a product or release is read by those who may read its records; a manufacturer's by anyone who may. */
@Component
class ProductAuditSubjects implements AuditSubjects {

    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final ManufacturerRepository manufacturers;
    private final ProductAccess access;

    ProductAuditSubjects(
            ProductRepository products,
            ReleaseRepository releases,
            ManufacturerRepository manufacturers,
            ProductAccess access) {
        this.products = products;
        this.releases = releases;
        this.manufacturers = manufacturers;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Boolean> readable(String subjectId) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        Optional<UUID> product = products.existsById(id)
                ? Optional.of(id)
                : releases.findById(id).map(Release::productId);
        if (product.isPresent()) {
            try {
                access.requireReader(product.get(), () -> new NotFoundException("Product", id));
                return Optional.of(true);
            } catch (ProblemException refused) {
                return Optional.of(false);
            }
        }
        return manufacturers.existsById(id) ? Optional.of(true) : Optional.empty();
    }
}
