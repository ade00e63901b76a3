package io.conformity.product.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;

import io.conformity.product.ManufacturerView;
import io.conformity.product.Party;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "manufacturer")
class Manufacturer {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 1000)
    private String address;

    // A page of manufacturers loads its representatives in one query, not one per manufacturer.
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "authorised_representative", joinColumns = @JoinColumn(name = "manufacturer_id"))
    @OrderColumn(name = "position")
    private List<Representative> representatives = new ArrayList<>();

    protected Manufacturer() {}

    Manufacturer(String name, String address, List<Party> representatives) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.address = address;
        representatives.forEach(p -> this.representatives.add(new Representative(p.name(), p.address())));
    }

    UUID id() {
        return id;
    }

    ManufacturerView view() {
        return new ManufacturerView(
                id,
                name,
                address,
                representatives.stream().map(r -> new Party(r.name, r.address)).toList());
    }

    @Embeddable
    static class Representative {
        @Column(nullable = false, length = 200)
        private String name;

        @Column(nullable = false, length = 1000)
        private String address;

        protected Representative() {}

        Representative(String name, String address) {
            this.name = name;
            this.address = address;
        }
    }
}
