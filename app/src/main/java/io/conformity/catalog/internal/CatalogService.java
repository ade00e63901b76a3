package io.conformity.catalog.internal;

import java.util.Collection;
import java.util.Optional;

import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.CatalogProperties;
import io.conformity.catalog.Framework;
import io.conformity.catalog.Regime;
import io.conformity.catalog.Requirement;
import io.conformity.catalog.RequirementRef;
import io.conformity.catalog.UnknownRegimeException;

/** Loads the catalog eagerly so that a broken file stops start-up rather than the first assessment. */
@Service
class CatalogService implements CatalogApi {

    private final CatalogLoader.LoadedCatalog catalog;

    CatalogService(CatalogProperties properties, ResourcePatternResolver resolver) {
        this.catalog = new CatalogLoader(resolver).load(properties.location());
    }

    @Override
    public Collection<Framework> frameworks() {
        return catalog.frameworks().values();
    }

    @Override
    public Collection<Regime> regimes() {
        return catalog.regimes().values();
    }

    @Override
    public Regime regime(String code) {
        Regime regime = catalog.regimes().get(code);
        if (regime == null) {
            throw new UnknownRegimeException(code);
        }
        return regime;
    }

    @Override
    public Optional<Requirement> requirement(RequirementRef ref) {
        Framework framework = catalog.frameworks().get(CatalogLoader.key(ref.frameworkUrn(), ref.frameworkVersion()));
        if (framework == null) {
            return Optional.empty();
        }
        return framework.requirements().stream().filter(r -> r.id().equals(ref.id())).findFirst();
    }
}
