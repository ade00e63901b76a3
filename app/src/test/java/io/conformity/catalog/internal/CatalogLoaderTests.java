package io.conformity.catalog.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Broken catalog files stop loading with the file and the reason. */
class CatalogLoaderTests {

    private final CatalogLoader loader = new CatalogLoader(new PathMatchingResourcePatternResolver());

    @TempDir
    Path dir;

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        write("frameworks/broken.json", "{\n  \"urn\": \"urn:x\",\n  \"version\": \"1\"\n  \"reference\": \"X\"\n}");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("line 4");
    }

    @Test
    void aStatusOutsideTheIcsGrammarIsRefused() throws IOException {
        write("frameworks/f.json", framework("\"status\": \"M X (1)\""));
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("f.json")
                .hasMessageContaining("status 'M X (1)'");
    }

    @Test
    void aStatusNamingAnUndefinedConditionIsRefused() throws IOException {
        write("frameworks/f.json", framework("\"status\": \"M C (7)\""));
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .hasMessageContaining("naming condition 7, which the file does not define");
    }

    @Test
    void aDanglingCrosswalkIdIsRefused() throws IOException {
        write("frameworks/f.json", framework("\"status\": \"M C (1)\""));
        write("crosswalks/c.json", """
                {"urn": "urn:c", "version": "1", "rows": [{"topic": "T", "links": [
                  {"framework": "urn:x", "version": "1", "ids": ["1", "9.9-9"]}]}]}""");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("c.json")
                .hasMessageContaining("unknown requirement urn:x:1#9.9-9");
    }

    @Test
    void aRegimeIncludingAnUnknownRequirementIsRefused() throws IOException {
        write("frameworks/f.json", framework("\"status\": \"M C (1)\""));
        write("regimes/r.json", """
                {"code": "R", "name": "R", "includes": [{"framework": "urn:x", "version": "1", "ids": ["2"],
                 "mandatory": "always"}]}""");
        assertThatThrownBy(() -> loader.load(dir.toUri().toString()))
                .hasMessageContaining("r.json")
                .hasMessageContaining("unknown requirement urn:x:1#2");
    }

    private static String framework(String status) {
        return """
                {"urn": "urn:x", "version": "1", "reference": "X", "dateOfIssue": "2020",
                 "conditions": [{"id": "1", "text": "passwords are used"}], "features": [],
                 "groups": [{"id": "5.1", "title": "G"}],
                 "requirements": [{"id": "1", "group": "5.1", "title": "One", %s}]}""".formatted(status);
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
