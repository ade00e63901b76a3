package io.conformity.catalog.internal;

import java.util.Collection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;
import io.conformity.catalog.Regime;
import io.conformity.problem.ProblemType;
import io.conformity.web.ProblemResponses;

@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final CatalogApi catalog;

    CatalogController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/frameworks")
    Collection<Framework> frameworks() {
        return catalog.frameworks();
    }

    @GetMapping("/regimes")
    Collection<Regime> regimes() {
        return catalog.regimes();
    }

    @GetMapping("/regimes/{code}")
    @ProblemResponses(ProblemType.UNKNOWN_REGIME)
    Regime regime(@PathVariable String code) {
        return catalog.regime(code);
    }
}
