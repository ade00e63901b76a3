package io.conformity.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.conformity.catalog.Regime;

class CatalogLoaderTests {

    private final CatalogLoader loader = new CatalogLoader(new PathMatchingResourcePatternResolver());

    @TempDir
    Path dir;

    @Test
    void theShippedCatalogHasThePstiRegimeWithThirteenPrinciples() {
        CatalogLoader.LoadedCatalog catalog = loader.load("classpath:conformity/evidence-schema/");
        Regime psti = catalog.regimes().get("PSTI");
        assertThat(psti.principles()).hasSize(13);
        assertThat(psti.principles().stream().flatMap(p -> p.requirements().stream())
                .filter(Regime.ScopedRequirement::mandatory).map(r -> r.requirement().id()))
                .containsExactly("5.1-1", "5.1-2", "5.2-1", "5.3-13");
        assertThat(psti.standards()).singleElement()
                .satisfies(f -> assertThat(f.citation()).isEqualTo("ETSI EN 303 645 V2.1.1 (2020-06)"));
    }

    @Test
    void aBrokenFileStopsLoadingWithItsNameAndLine() throws IOException {
        write("frameworks/broken.json", "{\n  \"urn\": \"urn:x\",\n  \"version\": \"1\"\n  \"reference\": \"X\"\n}");
        write("regimes/r.json", "{}");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("line 4");
    }

    @Test
    void aRegimeNamingAnUnknownRequirementStopsLoading() throws IOException {
        write("frameworks/f.json", """
                {"urn": "urn:x", "version": "1", "reference": "X", "dateOfIssue": "2020",
                 "requirements": [{"id": "1", "title": "One"}]}""");
        write("regimes/r.json", """
                {"code": "R", "name": "R", "principles": [{"code": "1", "title": "P",
                 "requirements": [{"framework": "urn:x", "version": "1", "id": "2"}]}]}""");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("r.json")
                .hasMessageContaining("unknown requirement urn:x:1#2");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
