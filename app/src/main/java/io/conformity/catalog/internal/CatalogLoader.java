package io.conformity.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.catalog.Framework;
import io.conformity.catalog.Regime;
import io.conformity.catalog.Requirement;
import io.conformity.catalog.RequirementRef;

/**
 * Reads the catalog files once at start-up. A broken file stops start-up with an {@link CatalogLoadException}
 * naming the file and, where the parser knows it, the line: an assessment built on a half-read catalog would be
 * silently wrong.
 */
final class CatalogLoader {

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ResourcePatternResolver resolver;

    CatalogLoader(ResourcePatternResolver resolver) {
        this.resolver = resolver;
    }

    LoadedCatalog load(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        Map<String, Framework> frameworks = new LinkedHashMap<>();
        for (Resource file : files(base + "frameworks/*.json")) {
            Framework framework = toFramework(file, read(file, FrameworkFile.class));
            String key = key(framework.urn(), framework.version());
            if (frameworks.putIfAbsent(key, framework) != null) {
                throw new CatalogLoadException(file, "framework " + key + " is defined twice");
            }
        }
        Map<String, Regime> regimes = new LinkedHashMap<>();
        for (Resource file : files(base + "regimes/*.json")) {
            Regime regime = toRegime(file, read(file, RegimeFile.class), frameworks);
            if (regimes.putIfAbsent(regime.code(), regime) != null) {
                throw new CatalogLoadException(file, "regime " + regime.code() + " is defined twice");
            }
        }
        if (regimes.isEmpty()) {
            throw new IllegalStateException("No regime found under " + base + "regimes/");
        }
        return new LoadedCatalog(frameworks, regimes);
    }

    private Resource[] files(String pattern) {
        try {
            Resource[] found = resolver.getResources(pattern);
            Arrays.sort(found, Comparator.comparing(Resource::getDescription));
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list catalog files " + pattern, e);
        }
    }

    private <T> T read(Resource file, Class<T> type) {
        try (InputStream in = file.getInputStream()) {
            return json.readValue(in, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new CatalogLoadException(file, e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new CatalogLoadException(file, e.getMessage());
        }
    }

    private static Framework toFramework(Resource file, FrameworkFile f) {
        require(file, f.urn(), "urn");
        require(file, f.version(), "version");
        require(file, f.reference(), "reference");
        require(file, f.dateOfIssue(), "dateOfIssue");
        if (f.requirements() == null || f.requirements().isEmpty()) {
            throw new CatalogLoadException(file, "no requirements");
        }
        List<Requirement> requirements = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (FrameworkFile.RequirementEntry r : f.requirements()) {
            require(file, r.id(), "requirements[].id");
            require(file, r.title(), "requirements[" + r.id() + "].title");
            if (seen.put(r.id(), true) != null) {
                throw new CatalogLoadException(file, "requirement " + r.id() + " is defined twice");
            }
            requirements.add(new Requirement(f.urn(), f.version(), r.id(), r.group(), r.status(), r.title(),
                    r.text()));
        }
        return new Framework(f.urn(), f.version(), f.reference(), f.dateOfIssue(), f.publisher(), requirements);
    }

    private static Regime toRegime(Resource file, RegimeFile r, Map<String, Framework> frameworks) {
        require(file, r.code(), "code");
        require(file, r.name(), "name");
        if (r.principles() == null || r.principles().isEmpty()) {
            throw new CatalogLoadException(file, "no principles");
        }
        List<Regime.Principle> principles = new ArrayList<>();
        for (RegimeFile.PrincipleEntry p : r.principles()) {
            require(file, p.code(), "principles[].code");
            List<Regime.ScopedRequirement> scoped = new ArrayList<>();
            for (RegimeFile.RequirementEntry e : p.requirements()) {
                RequirementRef ref = new RequirementRef(e.framework(), e.version(), e.id());
                Framework framework = frameworks.get(key(e.framework(), e.version()));
                if (framework == null) {
                    throw new CatalogLoadException(file, "principle " + p.code() + " names unknown framework "
                            + e.framework() + " " + e.version());
                }
                Requirement requirement = framework.requirements().stream()
                        .filter(q -> q.id().equals(e.id())).findFirst()
                        .orElseThrow(() -> new CatalogLoadException(file,
                                "principle " + p.code() + " names unknown requirement " + ref));
                scoped.add(new Regime.ScopedRequirement(requirement, Boolean.TRUE.equals(e.mandatory())));
            }
            principles.add(new Regime.Principle(p.code(), p.title(), scoped));
        }
        List<Framework> standards = new ArrayList<>();
        List<Regime.ComplianceBasis> bases = new ArrayList<>();
        if (r.statement() != null) {
            for (RegimeFile.StandardEntry s : r.statement().standards()) {
                Framework framework = frameworks.get(key(s.framework(), s.version()));
                if (framework == null) {
                    throw new CatalogLoadException(file, "statement names unknown framework " + s.framework()
                            + " " + s.version());
                }
                standards.add(framework);
            }
            r.statement().complianceBases()
                    .forEach(b -> bases.add(new Regime.ComplianceBasis(b.requirement(), b.route())));
        }
        return new Regime(r.code(), r.name(), r.legalBasis(), principles, standards, bases);
    }

    private static void require(Resource file, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CatalogLoadException(file, "missing " + field);
        }
    }

    static String key(String urn, String version) {
        return urn + ":" + version;
    }

    record LoadedCatalog(Map<String, Framework> frameworks, Map<String, Regime> regimes) {
    }

    @JsonIgnoreProperties("$schema")
    record FrameworkFile(String urn, String version, String reference, String title, String dateOfIssue,
            String publisher, String note, List<ConditionEntry> conditions, List<FeatureEntry> features,
            List<GroupEntry> groups, List<RequirementEntry> requirements, List<ExceptedEntry> exceptedProducts) {
        record ConditionEntry(String id, String text, String complementOf, String note) {
        }

        record FeatureEntry(String id, String text, String note) {
        }

        record GroupEntry(String id, String title, String note) {
        }

        record RequirementEntry(String id, String group, String status, String title, String text, String note,
                List<RouteEntry> deemedCompliance) {
        }

        record RouteEntry(String id, String description, List<RefEntry> requires, String standard,
                List<String> clauses, String label, String note) {
        }

        record RefEntry(String framework, String version, List<String> ids) {
        }

        record ExceptedEntry(String id, String title, String text, String note, List<String> keywords) {
        }
    }

    record RegimeFile(String code, String name, String legalBasis, List<PrincipleEntry> principles,
            Statement statement) {
        record PrincipleEntry(String code, String title, List<RequirementEntry> requirements) {
        }

        record RequirementEntry(String framework, String version, String id, Boolean mandatory) {
        }

        record Statement(List<StandardEntry> standards, List<BasisEntry> complianceBases) {
        }

        record StandardEntry(String framework, String version) {
        }

        record BasisEntry(String requirement, String route) {
        }
    }
}
