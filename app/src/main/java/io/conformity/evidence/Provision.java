package io.conformity.evidence;

import java.util.Objects;

/**
 * A requirement a finding bears on, version-independent: the framework's URN and the requirement's id in it
 * ({@code 5.6-1}, {@code Sch1-P2}, {@code I.2a}). It matches a requirement assessment of any version of that
 * framework carrying the same id.
 */
public record Provision(String framework, String id) {

    public static final String EN_303_645 = "urn:etsi:en:303645";
    public static final String PSTI = "urn:conformity:framework:uk-psti";
    public static final String CRA = "urn:conformity:framework:eu-cra-annex-i";

    public Provision {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(id, "id");
    }

    public static Provision en(String id) {
        return new Provision(EN_303_645, id);
    }

    public static Provision psti(String id) {
        return new Provision(PSTI, id);
    }

    public static Provision cra(String id) {
        return new Provision(CRA, id);
    }
}
