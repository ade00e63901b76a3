package io.conformity.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.conformity.catalog.internal.JsonPointerLocator.Position;

class JsonPointerLocatorTests {

    private static final String JSON = """
            {
              "name": "x",
              "list": [
                1,
                { "deep": [true, null] }
              ],
              "empty": {}
            }""";

    @Test
    void findsTheStartOfEachValueThroughObjectsAndArrays() throws IOException {
        Map<String, Position> at = JsonPointerLocator.locate(
                JSON, List.of("", "/name", "/list", "/list/0", "/list/1", "/list/1/deep/1", "/empty"));
        assertThat(at)
                .containsExactly(
                        Map.entry("", new Position(1, 1)),
                        Map.entry("/name", new Position(2, 11)),
                        Map.entry("/list", new Position(3, 11)),
                        Map.entry("/list/0", new Position(4, 5)),
                        Map.entry("/list/1", new Position(5, 5)),
                        Map.entry("/list/1/deep/1", new Position(5, 22)),
                        Map.entry("/empty", new Position(7, 12)));
    }

    @Test
    void anAbsentValueIsPlacedAtItsNearestExistingAncestor() throws IOException {
        Map<String, Position> at = JsonPointerLocator.locate(JSON, List.of("/list/1/missing", "/list/7", "/nope/a"));
        assertThat(at)
                .containsEntry("/list/1/missing", new Position(5, 5))
                .containsEntry("/list/7", new Position(3, 11))
                .containsEntry("/nope/a", new Position(1, 1));
    }

    @Test
    void namesWithSlashOrTildeAreMatchedInTheirEscapedForm() throws IOException {
        Map<String, Position> at = JsonPointerLocator.locate("{\"a/b\": {\"~c\": 1}}", List.of("/a~1b/~0c"));
        assertThat(at).containsEntry("/a~1b/~0c", new Position(1, 16));
    }

    @Test
    void columnsCountCharactersNotUtf8Bytes() throws IOException {
        Map<String, Position> at = JsonPointerLocator.locate("{\"t\": \"§ — ≈\", \"n\": 1}", List.of("/n"));
        assertThat(at).containsEntry("/n", new Position(1, 21));
    }

    @Test
    void aNumericNameInAnObjectIsAPropertyNotAnIndex() throws IOException {
        Map<String, Position> at = JsonPointerLocator.locate("{\"0\": [\n  \"a\"]}", List.of("/0/0"));
        assertThat(at).containsEntry("/0/0", new Position(2, 3));
    }
}
