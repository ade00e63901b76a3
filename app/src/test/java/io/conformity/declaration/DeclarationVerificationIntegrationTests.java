package io.conformity.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.MutableClock;
import io.conformity.support.RawHttp;

/**
 * {@code POST /api/v1/verify} as a regulator or a buyer uses it, without an account: the issued, signed file is
 * valid and current; a copy with one byte changed, or with content added after signing, is not — in plain words.
 */
@ConformityIntegrationTest
class DeclarationVerificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    Credentials signatory;
    String tag;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        tag = "v" + UUID.randomUUID().toString().substring(0, 8);
        // Each test starts in a fresh minute of the per-address limit.
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theIssuedFileIsValidAndAChangedOrExtendedCopyIsNot() throws Exception {
        JsonNode declaration = fixtures.issuePsti(
                engineer, officer, signatory, fixtures.release(officer, tag + " Devices", tag + "-V1"));
        String id = declaration.get("id").asText();
        byte[] issued = api.get(officer, "/api/v1/declarations/" + id + "/pdf")
                .expect(200)
                .body();
        Files.createDirectories(Path.of("target", "e2e"));
        Files.write(Path.of("target", "e2e", "declaration-verified.pdf"), issued);

        JsonNode valid = verify(issued).expect(200).json();
        assertThat(valid.get("verdict").asText()).isEqualTo("VALID");
        assertThat(valid.get("summary").asText()).startsWith("Valid: this is declaration " + id);
        assertThat(valid.get("registered").asBoolean()).isTrue();
        assertThat(valid.at("/declaration/status").asText()).isEqualTo("ISSUED");
        assertThat(valid.at("/signature/intact").asBoolean()).isTrue();
        assertThat(valid.at("/signature/coversWholeFile").asBoolean()).isTrue();
        assertThat(valid.at("/signature/registeredKey").asBoolean()).isTrue();
        assertThat(valid.at("/signature/signatoryName").asText()).isEqualTo("Sid Signatory");

        // One byte of the statement changed: the digest no longer matches.
        byte[] changed = issued.clone();
        int at = indexOf(changed, "Statement of".getBytes(StandardCharsets.US_ASCII));
        changed[at > 0 ? at : 2000] ^= 0x01;
        JsonNode tampered = verify(changed).expect(200).json();
        assertThat(tampered.get("verdict").asText()).isEqualTo("NOT_VALID");
        assertThat(tampered.get("summary").asText()).startsWith("Not valid");
        assertThat(tampered.get("registered").asBoolean()).isFalse();
        // The signature itself says so, independently of the register.
        assertThat(tampered.at("/signature/intact").asBoolean()).isFalse();
        assertThat(tampered.get("reasons").toString()).contains("The file was changed after it was signed.");

        // A page added after signing, as an incremental update: the signature still verifies over what it
        // covered, but it no longer covers the file.
        byte[] appended;
        try (PDDocument document = Loader.loadPDF(issued)) {
            document.addPage(new PDPage());
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            var out = new ByteArrayOutputStream();
            out.write(issued);
            document.saveIncremental(out);
            appended = out.toByteArray();
        }
        JsonNode extended = verify(appended).expect(200).json();
        assertThat(extended.get("verdict").asText()).isEqualTo("NOT_VALID");
        assertThat(extended.get("reasons").toString()).contains("Content was added after the signature.");
        assertThat(extended.at("/signature/intact").asBoolean()).isTrue();
        assertThat(extended.at("/signature/coversWholeFile").asBoolean()).isFalse();

        // Not a PDF at all: an answer, never an error.
        JsonNode garbage =
                verify("not a pdf".getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(garbage.get("verdict").asText()).isEqualTo("NOT_VALID");
        assertThat(garbage.get("reasons").toString()).contains("The file is not a PDF.");

        // The register entry the printed URL and QR code lead to is public too.
        assertThat(api.get(null, "/api/v1/register/" + id)
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ISSUED");
    }

    @Test
    void aWithdrawnDeclarationIsGenuineButNotCurrent() {
        JsonNode declaration = fixtures.issuePsti(
                engineer, officer, signatory, fixtures.release(officer, tag + " Devices", tag + "-V2"));
        String id = declaration.get("id").asText();
        byte[] issued = api.get(officer, "/api/v1/declarations/" + id + "/pdf")
                .expect(200)
                .body();
        api.post(officer, "/api/v1/declarations/" + id + "/withdrawal", Map.of("reason", "Battery recall"))
                .expect(200);

        JsonNode report = verify(issued).expect(200).json();

        assertThat(report.get("verdict").asText()).isEqualTo("NOT_CURRENT");
        assertThat(report.get("reasons").toString()).contains("withdrawn").contains("Battery recall");
    }

    @Test
    void anEmptyOrOversizedBodyIsRefusedAndOneAddressIsLimited() {
        assertThat(verify(new byte[0]).status()).isEqualTo(400);
        // Larger than any declaration: refused while it streams, before the limit is exceeded in memory.
        assertThat(new RawHttp(port)
                        .stream(
                                        null,
                                        "POST",
                                        "/api/v1/verify",
                                        "application/pdf",
                                        new ByteArrayInputStream(new byte[21 * 1024 * 1024]))
                                .status())
                .isEqualTo(413);

        Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Response response = verify("%PDF-1.7 nothing".getBytes(StandardCharsets.US_ASCII));
            if (response.status() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("the 31st verification in a minute is refused").isNotNull();
        assertThat(limited.json().get("type").asText()).endsWith(":too-many-requests");
        assertThat(limited.headers().getFirst("Retry-After")).matches("[0-9]+");

        clock.advance(Duration.ofMinutes(1));
        assertThat(verify("%PDF-1.7 nothing".getBytes(StandardCharsets.US_ASCII))
                        .status())
                .isEqualTo(200);
    }

    private Response verify(byte[] file) {
        return api.send(null, HttpMethod.POST, "/api/v1/verify", file, MediaType.APPLICATION_PDF);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
