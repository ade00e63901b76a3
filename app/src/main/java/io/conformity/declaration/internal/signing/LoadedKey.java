package io.conformity.declaration.internal.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and its certificate chain, signer first. */
record LoadedKey(PrivateKey privateKey, List<X509Certificate> chain) {

    LoadedKey {
        chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "LoadedKey[" + chain.get(0).getSubjectX500Principal() + "]";
    }
}
