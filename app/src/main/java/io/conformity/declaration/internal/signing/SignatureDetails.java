package io.conformity.declaration.internal.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * Who signs, for whom, where and when: what the signature dictionary states beside the signature itself.
 *
 * @param signatoryName the person who approved the declaration ({@code /Name})
 * @param signatoryFunction their function, e.g. "Head of Product Security"; may be blank
 * @param manufacturer on whose behalf they sign
 * @param location the place of issue ({@code /Location})
 * @param signingTime the signing time claimed in the signature dictionary ({@code /M})
 */
public record SignatureDetails(
        String signatoryName, String signatoryFunction, String manufacturer, String location, Instant signingTime) {

    public SignatureDetails {
        Objects.requireNonNull(signatoryName, "signatoryName");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(signingTime, "signingTime");
        signatoryFunction = signatoryFunction == null ? "" : signatoryFunction;
        location = location == null ? "" : location;
    }

    /** "Signed for and on behalf of ACME Ltd by Jane Doe, Head of Product Security" ({@code /Reason}). */
    public String reason() {
        String by = signatoryFunction.isBlank() ? signatoryName : signatoryName + ", " + signatoryFunction;
        return "Signed for and on behalf of " + manufacturer + " by " + by;
    }
}
