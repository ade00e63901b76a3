package io.conformity.identity;

/**
 * A personal API token just created, with its secret: shown to its owner this once and never stored.
 *
 * @param secret send as {@code Authorization: Bearer <secret>}
 */
public record NewApiToken(ApiTokenView token, String secret) {

    @Override
    public String toString() {
        return "NewApiToken[token=" + token + "]";
    }
}
