package io.conformity.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read-only access to the loaded frameworks, regimes and cross-walk. */
public interface CatalogApi {

    /** The URN of ETSI EN 303 645, whose versions carry the ICS conditions and features. */
    String EN_303_645 = "urn:etsi:en:303645";

    Collection<Framework> frameworks();

    Optional<Framework> framework(String urn, String version);

    Collection<Regime> regimes();

    /** @throws UnknownRegimeException when no regime has that code */
    Regime regime(String code);

    Crosswalk crosswalk();

    Optional<Requirement> requirement(RequirementRef ref);

    /**
     * The requirements of the given regimes, for the chosen EN 303 645 version where a regime lets the user
     * choose. Fails with a 400 problem for an unknown regime or a version the regime does not offer.
     */
    Scope scope(List<String> regimes, String en303645Version);

    /**
     * Applicability of a requirement given a product's answers for the requirement's framework version. Only a
     * conditional or feature-dependent status can make a requirement not applicable.
     */
    Applicability applicability(Requirement requirement, ProfileAnswers answers);

    /** The EN 303 645 versions a product profile may answer for. */
    List<String> en303645Versions();

    /** The PSTI Schedule 3 classes a product type appears to fall in, matched on whole words. */
    List<Framework.ExceptedClass> pstiExceptedClasses(String productType);
}
