package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;

import io.conformity.evidence.Provision;

/**
 * SPDX 2.3 (and 2.2) software bills of materials in JSON. Every package is a component (the described root
 * package included: SPDX lists it among the packages); its package URL is the first {@code externalRefs} entry of
 * type {@code purl}. The findings are those of {@link SbomInventory}, as for CycloneDX.
 */
public final class SpdxAnalyzer implements Analyzer {

    private static final Pattern HEAD = Pattern.compile("\"spdxVersion\"\\s*:\\s*\"SPDX-2\\.[23]\"");
    private static final Set<String> VERSIONS = Set.of("SPDX-2.2", "SPDX-2.3");

    public SpdxAnalyzer() {}

    @Override
    public String name() {
        return "spdx";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return SbomInventory.PROVISIONS;
    }

    @Override
    public String mediaType() {
        return "application/spdx+json";
    }

    @Override
    public boolean recognises(Head head) {
        return head.looksLikeJsonObject() && HEAD.matcher(head.text()).find();
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        return JsonReading.read(content, parser -> {
            JsonReading.root(parser, "an SPDX document");
            SbomInventory inventory = new SbomInventory(sink, "package");
            String spdxVersion = null;
            String document = null;
            String packagesAt = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "spdxVersion" -> spdxVersion = JsonReading.text(parser);
                    case "name" -> document = Texts.clip(JsonReading.text(parser), Texts.TITLE_LENGTH);
                    case "packages" -> {
                        packagesAt = JsonReading.pointer(parser);
                        packages(parser, inventory);
                    }
                    default -> JsonReading.skip(parser);
                }
            }
            if (spdxVersion == null || !VERSIONS.contains(spdxVersion)) {
                throw new NotRecognisedException("The JSON is not an SPDX 2.2 or 2.3 document.");
            }
            String what = "SPDX " + spdxVersion.substring("SPDX-".length()) + " SBOM";
            inventory.finish(what, document, packagesAt);
            return what + ": " + inventory.tally();
        });
    }

    private static void packages(JsonParser parser, SbomInventory inventory) throws IOException {
        if (!JsonReading.array(parser)) {
            return;
        }
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String location = JsonReading.pointer(parser);
            String name = null;
            String version = null;
            String purl = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "name" -> name = Texts.value(JsonReading.text(parser));
                    case "versionInfo" -> version = Texts.value(JsonReading.text(parser));
                    case "externalRefs" -> {
                        String found = purl(parser);
                        purl = purl == null ? found : purl;
                    }
                    default -> JsonReading.skip(parser);
                }
            }
            String at = location;
            inventory.component(name, version, purl, null, () -> at);
        }
    }

    /** The first package URL among the external references, or null. */
    private static String purl(JsonParser parser) throws IOException {
        if (!JsonReading.array(parser)) {
            return null;
        }
        String purl = null;
        while (JsonReading.nextElement(parser)) {
            if (!JsonReading.object(parser)) {
                continue;
            }
            String type = null;
            String locator = null;
            while (JsonReading.nextField(parser)) {
                switch (parser.currentName()) {
                    case "referenceType" -> type = JsonReading.text(parser);
                    case "referenceLocator" -> locator = Texts.value(JsonReading.text(parser));
                    default -> JsonReading.skip(parser);
                }
            }
            if (purl == null && "purl".equals(type)) {
                purl = locator;
            }
        }
        return purl;
    }
}
