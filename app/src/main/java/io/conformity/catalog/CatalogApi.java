package io.conformity.catalog;

import java.util.Collection;
import java.util.Optional;

/** Read-only access to the loaded frameworks and regimes. */
public interface CatalogApi {

    Collection<Framework> frameworks();

    Collection<Regime> regimes();

    /** @throws UnknownRegimeException when no regime has that code */
    Regime regime(String code);

    Optional<Requirement> requirement(RequirementRef ref);
}
