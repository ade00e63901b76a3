package io.conformity.evidence.internal.analysis;

/**
 * One entry of a software bill of materials.
 *
 * @param purl the package URL (may be null when the SBOM gives none)
 */
public record Component(String name, String version, String purl) {}
