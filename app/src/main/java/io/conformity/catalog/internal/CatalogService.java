package io.conformity.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.catalog.Applicability;
import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.CatalogProperties;
import io.conformity.catalog.Crosswalk;
import io.conformity.catalog.Framework;
import io.conformity.catalog.ProfileAnswers;
import io.conformity.catalog.ProvisionStatus;
import io.conformity.catalog.Regime;
import io.conformity.catalog.Requirement;
import io.conformity.catalog.RequirementRef;
import io.conformity.catalog.Scope;
import io.conformity.catalog.UnknownRegimeException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/** Loads the catalog eagerly so that a broken file stops start-up rather than the first assessment. */
@Service
class CatalogService implements CatalogApi {

    static final String EN = EN_303_645;
    static final String UK_COP = "urn:conformity:framework:uk-cop-iot";
    static final String PSTI = "urn:conformity:framework:uk-psti";

    private final CatalogLoader.LoadedCatalog catalog;
    private final Map<RequirementRef, Crosswalk.Topic> topicOf = new HashMap<>();

    @Autowired
    CatalogService(CatalogProperties properties, ResourcePatternResolver resolver) {
        this(new CatalogLoader(resolver, schemaValidating(resolver, properties.location()))
                .load(properties.location()));
    }

    CatalogService(CatalogLoader.LoadedCatalog catalog) {
        this.catalog = catalog;
        for (Crosswalk.Topic topic : catalog.crosswalk().topics()) {
            topic.requirements().forEach(ref -> topicOf.putIfAbsent(ref, topic));
        }
    }

    /** Every catalog file read, with its fingerprint. */
    List<CatalogLoader.FileFingerprint> files() {
        return catalog.files();
    }

    /** Framework and cross-walk files are checked against their JSON Schema before they are bound. */
    private static CatalogLoader.JsonReader schemaValidating(ResourcePatternResolver resolver, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        CatalogSchemaValidator validator = new CatalogSchemaValidator(resolver, base + "schemas/");
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CatalogLoader plain = new CatalogLoader(resolver);
        return new CatalogLoader.JsonReader() {
            @Override
            public <T> T read(Resource file, byte[] content, String schema, Class<T> type) {
                if (schema == null) {
                    return plain.read(file, content, type);
                }
                try {
                    return json.treeToValue(validator.readValidated(file, schema), type);
                } catch (JsonProcessingException e) {
                    throw new CatalogLoadException(file, e.getOriginalMessage());
                }
            }
        };
    }

    @Override
    public Collection<Framework> frameworks() {
        return catalog.frameworks().values();
    }

    @Override
    public Optional<Framework> framework(String urn, String version) {
        return Optional.ofNullable(catalog.frameworks().get(CatalogLoader.key(urn, version)));
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
    public Crosswalk crosswalk() {
        return catalog.crosswalk();
    }

    @Override
    public Optional<Requirement> requirement(RequirementRef ref) {
        return framework(ref.frameworkUrn(), ref.frameworkVersion()).flatMap(f -> f.requirement(ref.id()));
    }

    @Override
    public Scope scope(List<String> regimeCodes, String en303645Version) {
        if (regimeCodes == null || regimeCodes.isEmpty()) {
            throw new ScopeException("Choose at least one regime.");
        }
        if (new LinkedHashSet<>(regimeCodes).size() != regimeCodes.size()) {
            throw new ScopeException("A regime is listed twice.");
        }
        Map<RequirementRef, Scope.ScopedRequirement> chosen = new LinkedHashMap<>();
        boolean versionUsed = false;
        for (String code : regimeCodes) {
            Regime regime = regime(code);
            for (Regime.Include include : regime.includes()) {
                String version = include.version();
                if (Regime.CHOSEN_VERSION.equals(version)) {
                    if (en303645Version == null || !regime.versions().contains(en303645Version)) {
                        throw new ScopeException(
                                "Regime " + code + " needs en303645Version, one of " + regime.versions() + ".");
                    }
                    version = en303645Version;
                    versionUsed = true;
                }
                Framework framework = framework(include.frameworkUrn(), version).orElseThrow();
                List<Requirement> requirements = include.ids().isEmpty()
                        ? framework.requirements()
                        : include.ids().stream()
                                .map(id -> framework.requirement(id).orElseThrow())
                                .toList();
                for (Requirement requirement : requirements) {
                    boolean mandatory = switch (include.mandatory()) {
                        case ALWAYS -> true;
                        case NEVER -> false;
                        case STATUS -> requirement.provisionStatus().mandatory();
                    };
                    Scope.ScopedRequirement previous = chosen.get(requirement.ref());
                    Set<String> regimes = new LinkedHashSet<>(previous == null ? List.of() : previous.regimes());
                    regimes.add(code);
                    chosen.put(
                            requirement.ref(),
                            new Scope.ScopedRequirement(
                                    requirement,
                                    principleOf(requirement),
                                    mandatory || (previous != null && previous.mandatory()),
                                    List.copyOf(regimes)));
                }
            }
        }
        if (en303645Version != null && !versionUsed) {
            throw new ScopeException(
                    "en303645Version is only for a regime that lets you choose the version (EN303645).");
        }
        return order(regimeCodes, versionUsed ? en303645Version : null, chosen.values());
    }

    /** Principles in cross-walk order, then any framework groups the cross-walk does not cover. */
    private Scope order(List<String> regimes, String version, Collection<Scope.ScopedRequirement> requirements) {
        Map<String, Scope.Principle> principles = new LinkedHashMap<>();
        for (Crosswalk.Topic topic : catalog.crosswalk().topics()) {
            principles.put(topic.code(), new Scope.Principle(topic.code(), topic.title()));
        }
        Map<String, List<Scope.ScopedRequirement>> byPrinciple = new LinkedHashMap<>();
        principles.keySet().forEach(code -> byPrinciple.put(code, new ArrayList<>()));
        for (Scope.ScopedRequirement r : requirements) {
            if (!principles.containsKey(r.principle())) {
                principles.put(r.principle(), new Scope.Principle(r.principle(), groupTitle(r.requirement())));
                byPrinciple.put(r.principle(), new ArrayList<>());
            }
            byPrinciple.get(r.principle()).add(r);
        }
        List<Scope.Principle> used = new ArrayList<>();
        List<Scope.ScopedRequirement> ordered = new ArrayList<>();
        byPrinciple.forEach((code, list) -> {
            if (!list.isEmpty()) {
                used.add(principles.get(code));
                ordered.addAll(list);
            }
        });
        return new Scope(regimes, version, used, ordered);
    }

    private String principleOf(Requirement requirement) {
        Crosswalk.Topic topic = topicOf.get(requirement.ref());
        if (topic != null) {
            return topic.code();
        }
        Framework framework = framework(requirement.frameworkUrn(), requirement.frameworkVersion())
                .orElseThrow();
        return (shortName(framework) + " " + requirement.group()).strip();
    }

    private String groupTitle(Requirement requirement) {
        Framework framework = framework(requirement.frameworkUrn(), requirement.frameworkVersion())
                .orElseThrow();
        return framework.groups().stream()
                .filter(g -> g.id().equals(requirement.group()))
                .map(Framework.Group::title)
                .findFirst()
                .orElse(requirement.group());
    }

    private static String shortName(Framework framework) {
        return switch (framework.urn()) {
            case "urn:conformity:framework:eu-cra-annex-i" -> "CRA";
            case PSTI -> "PSTI";
            case UK_COP -> "CoP";
            case EN -> "EN";
            default -> "";
        };
    }

    @Override
    public Applicability applicability(Requirement requirement, ProfileAnswers answers) {
        if (requirement.status() == null) {
            return Applicability.applies();
        }
        ProvisionStatus status = requirement.provisionStatus();
        if (status.unconditional()) {
            return Applicability.applies();
        }
        Framework framework = framework(requirement.frameworkUrn(), requirement.frameworkVersion())
                .orElseThrow();
        if (answers == null || !answers.version().equals(framework.version())) {
            throw new IllegalArgumentException(
                    "Applicability of " + requirement.ref() + " needs answers for " + framework.version());
        }
        List<String> absent = new ArrayList<>();
        for (String c : status.conditions()) {
            if (!Boolean.TRUE.equals(answers.conditions().get(c))) {
                absent.add("condition (" + c + ") \"" + text(framework.conditions(), c) + "\" does not hold");
            }
        }
        for (String x : status.features()) {
            if (!Boolean.TRUE.equals(answers.features().get(x))) {
                absent.add("feature (" + x + ") \"" + text(framework.features(), x) + "\" is absent");
            }
        }
        if (absent.isEmpty()) {
            return Applicability.applies();
        }
        return new Applicability(
                false,
                "Not applicable: " + framework.reference() + " " + framework.version() + " "
                        + requirement.id() + " has status " + requirement.status() + ", and for this product "
                        + String.join("; ", absent) + " (product profile).");
    }

    private static String text(List<Framework.Condition> items, String id) {
        return items.stream()
                .filter(i -> i.id().equals(id))
                .map(Framework.Condition::text)
                .findFirst()
                .orElse(id);
    }

    @Override
    public List<String> en303645Versions() {
        return catalog.frameworks().values().stream()
                .filter(f -> f.urn().equals(EN))
                .map(Framework::version)
                .toList();
    }

    @Override
    public List<Framework.ExceptedClass> pstiExceptedClasses(String productType) {
        if (productType == null) {
            return List.of();
        }
        String type = productType.toLowerCase(Locale.ROOT);
        Set<Framework.ExceptedClass> found = new LinkedHashSet<>();
        for (Framework framework : catalog.frameworks().values()) {
            if (!framework.urn().equals(PSTI)) {
                continue;
            }
            for (Framework.ExceptedClass excepted : framework.exceptedProducts()) {
                for (String keyword : excepted.keywords()) {
                    // Whole words only: "car" must not match "card" or "carbon".
                    if (Pattern.compile("\\b" + Pattern.quote(keyword.toLowerCase(Locale.ROOT)) + "\\b")
                            .matcher(type)
                            .find()) {
                        found.add(excepted);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** A regime selection that cannot be honoured. */
    static class ScopeException extends ProblemException {
        ScopeException(String detail) {
            super(ProblemType.INVALID_SCOPE, detail);
        }
    }
}
