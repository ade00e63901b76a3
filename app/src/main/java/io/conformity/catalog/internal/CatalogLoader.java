package io.conformity.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.catalog.Crosswalk;
import io.conformity.catalog.Framework;
import io.conformity.catalog.ProvisionStatus;
import io.conformity.catalog.Regime;
import io.conformity.catalog.Requirement;
import io.conformity.catalog.RequirementRef;

/**
 * Reads the catalog files once at start-up and checks what a schema cannot: that statuses name defined
 * conditions and features, and that every cross-reference (groups, deemed-compliance routes, cross-walk links,
 * regime includes) resolves. A broken file stops start-up with a {@link CatalogLoadException} naming the file:
 * an assessment built on a half-read catalog would be silently wrong.
 */
final class CatalogLoader {

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ResourcePatternResolver resolver;
    private final JsonReader reader;

    /** Reads one file into a tree-bound type; the schema-validating reader replaces the plain one. */
    interface JsonReader {
        <T> T read(Resource file, byte[] content, String schema, Class<T> type);
    }

    CatalogLoader(ResourcePatternResolver resolver) {
        this(resolver, null);
    }

    CatalogLoader(ResourcePatternResolver resolver, JsonReader reader) {
        this.resolver = resolver;
        this.reader = reader != null ? reader : this::plainRead;
    }

    LoadedCatalog load(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        Map<String, Framework> frameworks = new LinkedHashMap<>();
        Map<String, Resource> sources = new LinkedHashMap<>();
        List<FileFingerprint> fingerprints = new ArrayList<>();
        for (Resource file : files(base + "frameworks/*.json")) {
            byte[] content = bytes(file);
            Framework framework = toFramework(
                    file, reader.read(file, content, "framework.schema.json", FrameworkFile.class), sha256(content));
            String key = key(framework.urn(), framework.version());
            if (frameworks.putIfAbsent(key, framework) != null) {
                throw new CatalogLoadException(file, "framework " + key + " is defined twice");
            }
            sources.put(key, file);
            fingerprints.add(new FileFingerprint(
                    framework.urn(),
                    framework.version(),
                    framework.reference() + " " + framework.version(),
                    framework.sha256()));
        }
        frameworks.forEach((key, framework) -> checkRoutes(sources.get(key), framework, frameworks));

        Crosswalk crosswalk = null;
        for (Resource file : files(base + "crosswalks/*.json")) {
            if (crosswalk != null) {
                throw new CatalogLoadException(file, "only one cross-walk is supported");
            }
            byte[] content = bytes(file);
            crosswalk = toCrosswalk(
                    file, reader.read(file, content, "crosswalk.schema.json", CrosswalkFile.class), frameworks);
            fingerprints.add(new FileFingerprint(
                    crosswalk.urn(), crosswalk.version(), "cross-walk " + crosswalk.urn(), sha256(content)));
        }
        if (crosswalk == null) {
            crosswalk = new Crosswalk("urn:conformity:crosswalk:none", "0", List.of());
        }

        Map<String, Regime> regimes = new LinkedHashMap<>();
        for (Resource file : files(base + "regimes/*.json")) {
            byte[] content = bytes(file);
            RegimeFile read = reader.read(file, content, null, RegimeFile.class);
            Regime regime = toRegime(file, read, frameworks);
            if (regimes.putIfAbsent(regime.code(), regime) != null) {
                throw new CatalogLoadException(file, "regime " + regime.code() + " is defined twice");
            }
            fingerprints.add(new FileFingerprint(
                    "urn:conformity:regime:" + regime.code(),
                    read.version() == null ? "1" : read.version(),
                    "regime " + regime.code(),
                    sha256(content)));
        }
        if (regimes.isEmpty()) {
            throw new IllegalStateException("No regime found under " + base + "regimes/");
        }
        return new LoadedCatalog(frameworks, crosswalk, regimes, List.copyOf(fingerprints));
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

    private static byte[] bytes(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogLoadException(file, e.getMessage());
        }
    }

    <T> T read(Resource file, byte[] content, Class<T> type) {
        return plainRead(file, content, null, type);
    }

    private <T> T plainRead(Resource file, byte[] content, String schema, Class<T> type) {
        try {
            return json.readValue(content, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new CatalogLoadException(file, e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new CatalogLoadException(file, e.getMessage());
        }
    }

    private static Framework toFramework(Resource file, FrameworkFile f, String sha256) {
        require(file, f.urn(), "urn");
        require(file, f.version(), "version");
        require(file, f.reference(), "reference");
        require(file, f.dateOfIssue(), "dateOfIssue");
        if (f.requirements() == null || f.requirements().isEmpty()) {
            throw new CatalogLoadException(file, "no requirements");
        }
        List<Framework.Condition> conditions = list(f.conditions()).stream()
                .map(c -> new Framework.Condition(c.id(), c.text(), c.complementOf()))
                .toList();
        List<Framework.Condition> features = list(f.features()).stream()
                .map(c -> new Framework.Condition(c.id(), c.text(), null))
                .toList();
        Set<String> conditionIds = ids(file, conditions, "condition");
        Set<String> featureIds = ids(file, features, "feature");
        for (Framework.Condition c : conditions) {
            if (c.complementOf() != null && !conditionIds.contains(c.complementOf())) {
                throw new CatalogLoadException(
                        file, "condition " + c.id() + " is the complement of unknown condition " + c.complementOf());
            }
        }
        List<Framework.Group> groups = list(f.groups()).stream()
                .map(g -> new Framework.Group(g.id(), g.title()))
                .toList();
        Set<String> groupIds = new HashSet<>();
        groups.forEach(g -> groupIds.add(g.id()));

        List<Requirement> requirements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FrameworkFile.RequirementEntry r : f.requirements()) {
            require(file, r.id(), "requirements[].id");
            require(file, r.title(), "requirements[" + r.id() + "].title");
            if (!seen.add(r.id())) {
                throw new CatalogLoadException(file, "requirement " + r.id() + " is defined twice");
            }
            if (!groupIds.isEmpty() && !groupIds.contains(r.group())) {
                throw new CatalogLoadException(file, "requirement " + r.id() + " names unknown group " + r.group());
            }
            if (r.status() != null) {
                ProvisionStatus status = ProvisionStatus.parse(r.status())
                        .orElseThrow(
                                () -> new CatalogLoadException(
                                        file,
                                        "requirement " + r.id() + " has status '" + r.status()
                                                + "', which is not an ICS status (M, R, M C (n), R C (n), M F (x), R F (x), M C F (n, x))"));
                for (String c : status.conditions()) {
                    if (!conditionIds.contains(c)) {
                        throw new CatalogLoadException(
                                file,
                                "requirement " + r.id() + " has status " + r.status() + " naming condition " + c
                                        + ", which the file does not define");
                    }
                }
                for (String x : status.features()) {
                    if (!featureIds.contains(x)) {
                        throw new CatalogLoadException(
                                file,
                                "requirement " + r.id() + " has status " + r.status() + " naming feature " + x
                                        + ", which the file does not define");
                    }
                }
            }
            List<Requirement.Route> routes = list(r.deemedCompliance()).stream()
                    .map(route -> new Requirement.Route(
                            route.id(),
                            route.description(),
                            list(route.requires()).stream()
                                    .flatMap(ref -> ref.ids().stream()
                                            .map(id -> new RequirementRef(ref.framework(), ref.version(), id)))
                                    .toList(),
                            route.standard(),
                            route.clauses()))
                    .toList();
            requirements.add(
                    new Requirement(f.urn(), f.version(), r.id(), r.group(), r.status(), r.title(), r.text(), routes));
        }
        List<Framework.ExceptedClass> excepted = list(f.exceptedProducts()).stream()
                .map(e -> new Framework.ExceptedClass(e.id(), e.title(), e.text(), e.note(), list(e.keywords())))
                .toList();
        return new Framework(
                f.urn(),
                f.version(),
                f.reference(),
                f.title(),
                f.dateOfIssue(),
                f.publisher(),
                conditions,
                features,
                groups,
                requirements,
                excepted,
                sha256);
    }

    private static void checkRoutes(Resource file, Framework framework, Map<String, Framework> frameworks) {
        for (Requirement requirement : framework.requirements()) {
            for (Requirement.Route route : requirement.deemedCompliance()) {
                for (RequirementRef ref : route.requires()) {
                    if (resolve(ref, frameworks) == null) {
                        throw new CatalogLoadException(
                                file,
                                "requirement " + requirement.id() + " route " + route.id()
                                        + " names unknown requirement " + ref);
                    }
                }
            }
        }
    }

    private static Crosswalk toCrosswalk(Resource file, CrosswalkFile c, Map<String, Framework> frameworks) {
        List<Crosswalk.Topic> topics = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CrosswalkFile.Row row : list(c.rows())) {
            List<RequirementRef> refs = new ArrayList<>();
            String code = null;
            for (CrosswalkFile.Link link : list(row.links())) {
                for (String id : list(link.ids())) {
                    RequirementRef ref = new RequirementRef(link.framework(), link.version(), id);
                    if (resolve(ref, frameworks) == null) {
                        throw new CatalogLoadException(
                                file, "cross-walk topic '" + row.topic() + "' names unknown requirement " + ref);
                    }
                    refs.add(ref);
                    if (code == null && link.framework().equals(CatalogService.UK_COP)) {
                        code = id;
                    }
                }
            }
            if (code == null) {
                code = slug(row.topic());
            }
            if (!codes.add(code)) {
                throw new CatalogLoadException(file, "cross-walk topic code " + code + " is used twice");
            }
            topics.add(new Crosswalk.Topic(code, row.topic(), refs));
        }
        return new Crosswalk(c.urn(), c.version(), topics);
    }

    private static Regime toRegime(Resource file, RegimeFile r, Map<String, Framework> frameworks) {
        require(file, r.code(), "code");
        require(file, r.name(), "name");
        if (r.includes() == null || r.includes().isEmpty()) {
            throw new CatalogLoadException(file, "no includes");
        }
        for (String version : list(r.versions())) {
            if (!frameworks.containsKey(key(CatalogService.EN, version))) {
                throw new CatalogLoadException(file, "offers unknown EN 303 645 version " + version);
            }
        }
        List<Regime.Include> includes = new ArrayList<>();
        for (RegimeFile.IncludeEntry include : r.includes()) {
            List<String> versions =
                    Regime.CHOSEN_VERSION.equals(include.version()) ? list(r.versions()) : List.of(include.version());
            if (versions.isEmpty()) {
                throw new CatalogLoadException(file, "includes the chosen version but offers none");
            }
            for (String version : versions) {
                Framework framework = frameworks.get(key(include.framework(), version));
                if (framework == null) {
                    throw new CatalogLoadException(
                            file, "includes unknown framework " + include.framework() + " " + version);
                }
                for (String id : list(include.ids())) {
                    if (framework.requirement(id).isEmpty()) {
                        throw new CatalogLoadException(
                                file,
                                "includes unknown requirement " + new RequirementRef(include.framework(), version, id));
                    }
                }
            }
            Regime.Mandatory mandatory;
            try {
                mandatory = Regime.Mandatory.valueOf(include.mandatory().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new CatalogLoadException(
                        file, "mandatory must be always, never or status, not " + include.mandatory());
            }
            includes.add(new Regime.Include(include.framework(), include.version(), include.ids(), mandatory));
        }
        List<Framework> standards = new ArrayList<>();
        List<Regime.ComplianceBasis> bases = new ArrayList<>();
        if (r.statement() != null) {
            for (RegimeFile.StandardEntry s : list(r.statement().standards())) {
                Framework framework = frameworks.get(key(s.framework(), s.version()));
                if (framework == null) {
                    throw new CatalogLoadException(
                            file, "statement names unknown framework " + s.framework() + " " + s.version());
                }
                standards.add(framework);
            }
            list(r.statement().complianceBases())
                    .forEach(b -> bases.add(new Regime.ComplianceBasis(b.requirement(), b.route())));
        }
        return new Regime(r.code(), r.name(), r.legalBasis(), list(r.versions()), includes, standards, bases);
    }

    private static Requirement resolve(RequirementRef ref, Map<String, Framework> frameworks) {
        Framework framework = frameworks.get(key(ref.frameworkUrn(), ref.frameworkVersion()));
        return framework == null ? null : framework.requirement(ref.id()).orElse(null);
    }

    private static Set<String> ids(Resource file, List<Framework.Condition> items, String what) {
        Set<String> ids = new HashSet<>();
        for (Framework.Condition item : items) {
            if (!ids.add(item.id())) {
                throw new CatalogLoadException(file, what + " " + item.id() + " is defined twice");
            }
        }
        return ids;
    }

    private static void require(Resource file, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CatalogLoadException(file, "missing " + field);
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(String urn, String version) {
        return urn + ":" + version;
    }

    /**
     * @param files the fingerprint of every file read, framework, cross-walk and regime alike: a loaded version's
     *              file must never change under the assessments that cite it
     */
    record LoadedCatalog(
            Map<String, Framework> frameworks,
            Crosswalk crosswalk,
            Map<String, Regime> regimes,
            List<FileFingerprint> files) {}

    /** One catalog file: what it defines ({@code urn}, {@code version}) and the SHA-256 of its bytes. */
    record FileFingerprint(String urn, String version, String description, String sha256) {}

    @JsonIgnoreProperties("$schema")
    record FrameworkFile(
            String urn,
            String version,
            String reference,
            String title,
            String dateOfIssue,
            String publisher,
            String note,
            List<ConditionEntry> conditions,
            List<FeatureEntry> features,
            List<GroupEntry> groups,
            List<RequirementEntry> requirements,
            List<ExceptedEntry> exceptedProducts) {
        record ConditionEntry(String id, String text, String complementOf, String note) {}

        record FeatureEntry(String id, String text, String note) {}

        record GroupEntry(String id, String title, String note) {}

        record RequirementEntry(
                String id,
                String group,
                String status,
                String title,
                String text,
                String note,
                List<RouteEntry> deemedCompliance) {}

        record RouteEntry(
                String id,
                String description,
                List<RefEntry> requires,
                String standard,
                List<String> clauses,
                String label,
                String note) {}

        record RefEntry(String framework, String version, List<String> ids) {}

        record ExceptedEntry(String id, String title, String text, String note, List<String> keywords) {}
    }

    @JsonIgnoreProperties("$schema")
    record CrosswalkFile(String urn, String version, String source, String note, List<Row> rows) {
        record Row(String topic, String note, List<Link> links) {}

        record Link(String framework, String version, List<String> ids, Boolean partial, String note) {}
    }

    @JsonIgnoreProperties("$schema")
    record RegimeFile(
            String code,
            String version,
            String name,
            String legalBasis,
            List<String> versions,
            List<IncludeEntry> includes,
            Statement statement) {
        record IncludeEntry(String framework, String version, List<String> ids, String mandatory) {}

        record Statement(List<StandardEntry> standards, List<BasisEntry> complianceBases) {}

        record StandardEntry(String framework, String version) {}

        record BasisEntry(String requirement, String route) {}
    }
}
