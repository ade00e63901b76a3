package io.conformity.evidence;

import java.util.UUID;

/** A software component of a release, from an SBOM uploaded as evidence. */
public record ComponentView(String name, String version, String purl, UUID evidenceId) {}
