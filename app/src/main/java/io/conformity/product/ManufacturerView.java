package io.conformity.product;

import java.util.List;
import java.util.UUID;

public record ManufacturerView(UUID id, String name, String address, List<Party> authorisedRepresentatives) {}
