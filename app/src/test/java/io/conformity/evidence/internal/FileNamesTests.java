package io.conformity.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ContentDisposition;

class FileNamesTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "report.pdf|report.pdf",
                "C:\\Users\\eve\\scan.xml|scan.xml",
                "/home/eve/scan.xml|scan.xml",
                "../../etc/passwd|passwd",
                "mixed/sep\\arators.txt|arators.txt",
                "'  padded name.txt  '|padded name.txt",
            })
    void keepsTheLastPathSegmentTrimmed(String original, String safe) {
        assertThat(FileNames.safe(original)).isEqualTo(safe);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "..", " .. ", "dir/", "dir\\", "   ", "\u202e", "\u0000\u0007", "\u200b", "a/.."})
    void aNameThatShowsNothingIsUnnamed(String original) {
        assertThat(FileNames.safe(original)).isEqualTo("unnamed");
    }

    @Test
    void isInNfc() {
        assertThat(FileNames.safe("re\u0301sume\u0301.pdf")).isEqualTo("r\u00e9sum\u00e9.pdf");
        assertThat(FileNames.safe("Ange\u0301lique.txt")).isEqualTo("Ang\u00e9lique.txt");
    }

    @Test
    void removesControlCharactersRatherThanRefusing() {
        assertThat(FileNames.safe("re\u0000po\trt\r\n.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.safe("a\u007fb\u0085c\u009f.txt")).isEqualTo("abc.txt");
    }

    @Test
    void removesBidirectionalControlsSoANameShowsWhatItIs() {
        // Shown as "invoiceexe.pdf" with the override; the file is an executable.
        assertThat(FileNames.safe("invoice\u202efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.safe("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cx.txt"))
                .isEqualTo("x.txt");
    }

    @Test
    void removesUnpairedSurrogatesAndNoncharactersButKeepsPairs() {
        assertThat(FileNames.safe("a\ud800b\udc00c\ufffe\ufdd0.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.safe("\ud83d\ude00.txt")).isEqualTo("\ud83d\ude00.txt");
    }

    @Test
    void keepsRightToLeftTextAndEmojiSequences() {
        String hebrew = "\u05d3\u05d5\u05d7.pdf";
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67.png";
        assertThat(FileNames.safe(hebrew)).isEqualTo(hebrew);
        assertThat(FileNames.safe(family)).isEqualTo(family);
    }

    @Test
    void aLongNameIsCutTo255BytesKeepingItsExtension() {
        String safe = FileNames.safe("a".repeat(300) + ".pdf");
        assertThat(safe).isEqualTo("a".repeat(251) + ".pdf");
        assertThat(utf8(safe)).isEqualTo(255);
    }

    @Test
    void aNameOfExactly255BytesIsKept() {
        String name = "\u00e9".repeat(125) + "a.pdf";
        assertThat(utf8(name)).isEqualTo(255);
        assertThat(FileNames.safe(name)).isEqualTo(name);
    }

    @Test
    void cutsBetweenMultiByteCharacters() {
        // é is 2 bytes: 251 bytes before the extension hold 125 of them.
        String safe = FileNames.safe("\u00e9".repeat(200) + ".pdf");
        assertThat(safe).isEqualTo("\u00e9".repeat(125) + ".pdf");
        assertThat(utf8(safe)).isEqualTo(254);
    }

    @Test
    void neverCutsASurrogatePair() {
        // 😀 is 4 bytes in UTF-8 and two UTF-16 units: 62 fit in 251 bytes.
        String safe = FileNames.safe("\ud83d\ude00".repeat(100) + ".txt");
        assertThat(safe).isEqualTo("\ud83d\ude00".repeat(62) + ".txt");
        assertThat(new String(safe.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(safe);
    }

    @Test
    void cutsBetweenUserPerceivedCharacters() {
        // q with an acute accent has no precomposed form: 3 bytes, one character; 83 fit in 251 bytes.
        String safe = FileNames.safe("q\u0301".repeat(100) + ".txt");
        assertThat(safe).isEqualTo("q\u0301".repeat(83) + ".txt");
        // A family emoji is 18 bytes: 13 fit in 251 bytes, never a part of one.
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        assertThat(FileNames.safe(family.repeat(20) + ".png")).isEqualTo(family.repeat(13) + ".png");
    }

    @Test
    void aLongEndingIsNoExtension() {
        String safe = FileNames.safe("a".repeat(300) + "." + "b".repeat(17));
        assertThat(safe).isEqualTo("a".repeat(255));
        assertThat(FileNames.safe("b".repeat(300) + "." + "c".repeat(16))).endsWith("." + "c".repeat(16));
    }

    @Test
    void oneCharacterLongerThanTheLimitIsCutOnACodePoint() {
        String safe = FileNames.safe("q" + "\u0301".repeat(300) + ".pdf");
        assertThat(safe).isEqualTo("q" + "\u0301".repeat(125) + ".pdf");
    }

    @Test
    void aPlainAsciiNameIsOneQuotedFilename() {
        assertThat(FileNames.contentDisposition("nmap scan.xml")).isEqualTo("attachment; filename=\"nmap scan.xml\"");
    }

    @Test
    void aNonAsciiNameHasAnAsciiFallbackAndTheExactNameInUtf8() {
        String value = FileNames.contentDisposition("rapport d'\u00e9t\u00e9 \ud83d\ude00.pdf");
        assertThat(value)
                .isEqualTo("attachment; filename=\"rapport d'_t_ _.pdf\"; "
                        + "filename*=UTF-8''rapport%20d%27%C3%A9t%C3%A9%20%F0%9F%98%80.pdf");
        assertThat(ContentDisposition.parse(value).getFilename()).isEqualTo("rapport d'\u00e9t\u00e9 \ud83d\ude00.pdf");
    }

    @Test
    void quotesAndBackslashesAreEscapedAndPercentSignsNotOffered() {
        assertThat(FileNames.contentDisposition("a\"b\\c 100%.txt"))
                .isEqualTo("attachment; filename=\"a\\\"b\\\\c 100_.txt\"; filename*=UTF-8''a%22b%5Cc%20100%25.txt");
        assertThat(ContentDisposition.parse(FileNames.contentDisposition("a\"b\\c 100%.txt"))
                        .getFilename())
                .isEqualTo("a\"b\\c 100%.txt");
    }

    @Test
    void nothingInTheValueCanEndTheHeader() {
        assertThat(FileNames.contentDisposition("a\r\nSet-Cookie: x=y")).doesNotContain("\r", "\n");
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
