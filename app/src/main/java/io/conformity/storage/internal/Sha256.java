package io.conformity.storage.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The one hash of the store, and the spelling of its names. */
final class Sha256 {

    /** Lower-case hex, the only form a blob name takes. */
    static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static boolean isName(String candidate) {
        return candidate != null && NAME.matcher(candidate).matches();
    }
}
