package io.conformity.declaration;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * How declarations are rendered.
 *
 * @param templates       the folder of HTML templates, their style sheet and fonts. The default is the copy of the
 *                        top-level {@code templates/} on the classpath (under a prefix other than {@code templates/},
 *                        which the web pages' Thymeleaf claims); an operator may point it at a {@code file:} folder
 *                        to edit wording without rebuilding
 * @param fonts           TrueType fonts, relative to {@code templates}, that the declaration may print with. A character
 *                        none of them covers is refused where it is typed, so that no declaration prints garbled
 * @param verificationUrl where a reader checks a declaration; {@code {id}} is replaced by its register id. Printed and
 *                        encoded in the QR code. The default, the API's register entry, answers a browser with the
 *                        register page and a client with JSON
 * @param verification    limits of {@code POST /api/v1/verify}, which anyone may call
 */
@ConfigurationProperties("conformity.declaration")
public record DeclarationProperties(
        @DefaultValue("classpath:conformity/templates/") Resource templates,

        @DefaultValue({
            "fonts/DejaVuSans.ttf",
            "fonts/DejaVuSans-Bold.ttf",
            "fonts/DejaVuSansMono.ttf",
            "fonts/DroidSansFallback.ttf"
        })
        List<String> fonts,

        @DefaultValue("http://localhost:8080/api/v1/register/{id}")
        String verificationUrl,

        @DefaultValue Verification verification) {

    /**
     * @param maxSize   the largest file accepted for verification (a declaration is a few hundred kilobytes)
     * @param perMinute verifications a minute from one client address
     */
    public record Verification(
            @DefaultValue("10MB") DataSize maxSize,
            @DefaultValue("30") int perMinute) {}

    public DeclarationProperties {
        fonts = List.copyOf(fonts);
        if (!verificationUrl.contains("{id}")) {
            throw new IllegalArgumentException(
                    "conformity.declaration.verification-url must contain {id}: " + verificationUrl);
        }
    }

    public String verificationUrl(UUID id) {
        return verificationUrl.replace("{id}", id.toString());
    }
}
