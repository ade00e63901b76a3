package io.conformity.declaration.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.internal.rendering.DeclarationRenderer;
import io.conformity.declaration.internal.rendering.SampleDeclarations;

/**
 * Render + sign a declaration with 78 requirements and 200 evidence files, against a minimal one-page PDFBox
 * document signed by the same signer, measured in the same run (goal from issue 8: p95 within 4x the baseline).
 * Not part of {@code verify}: run with
 * {@code ./mvnw -pl app test -Djacoco.skip=true -Dtest=DeclarationIssuingBenchmark -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class DeclarationIssuingBenchmark {

    private static final int WARM_UP = 8;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 30);

    @TempDir
    Path keys;

    @Test
    void renderAndSignAgainstAMinimalSignedPdf() {
        SigningCertificates register = new SigningCertificates(SigningDatabases.h2());
        SigningKeys signingKeys =
                new SigningKeys(SigningProperties.generated(keys.resolve("signing")), register, Clock.systemUTC());
        PadesSigner signer = new PadesSigner(signingKeys, (TimeStampClient) null);
        DeclarationRenderer renderer = SampleDeclarations.renderer();
        DeclarationContent content = SampleDeclarations.psti(78, 200);
        SignatureDetails details = new SignatureDetails(
                content.signatoryName(),
                content.signatoryFunction(),
                "Northwind Devices Ltd",
                "Southampton",
                Instant.now());

        Result baseline = measure(() -> signer.sign(SamplePdfs.plain(), details));
        Result declaration = measure(() -> signer.sign(renderer.render(content), details));
        Result renderOnly = measure(() -> renderer.render(content));

        System.out.printf(
                Locale.ROOT,
                "%nDeclaration issuing (%d rounds after %d warm-up; 78 requirements, 200 evidence files):%n"
                        + "  minimal signed PDFBox page : median %7.1f ms  p95 %7.1f ms  %,9d bytes%n"
                        + "  declaration render only    : median %7.1f ms  p95 %7.1f ms  %,9d bytes%n"
                        + "  declaration render + sign  : median %7.1f ms  p95 %7.1f ms  %,9d bytes%n"
                        + "  p95 ratio (declaration / baseline): %.1fx (goal <= 4x)%n%n",
                ROUNDS,
                WARM_UP,
                baseline.median(),
                baseline.p95(),
                baseline.size(),
                renderOnly.median(),
                renderOnly.p95(),
                renderOnly.size(),
                declaration.median(),
                declaration.p95(),
                declaration.size(),
                declaration.p95() / baseline.p95());
        assertThat(declaration.size()).isGreaterThan(baseline.size());
    }

    private static Result measure(Supplier<byte[]> action) {
        int size = 0;
        for (int i = 0; i < WARM_UP; i++) {
            size = action.get().length;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            size = action.get().length;
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(sorted[sorted.length / 2], sorted[(int) Math.ceil(0.95 * sorted.length) - 1], size);
    }

    private record Result(double median, double p95, int size) {
        @Override
        public String toString() {
            return Arrays.toString(new double[] {median, p95, size});
        }
    }
}
