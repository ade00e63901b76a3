package io.conformity.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * Where carried-over evidence came from: the accepted evidence item of the previous release's assessment whose
 * bytes (the same SHA-256) it names. The item's own {@code uploadedBy} and {@code uploadedAt} are who carried it over
 * and when; these are who uploaded the bytes first and when.
 *
 * @param assessmentId    the previous assessment
 * @param releaseId       the release it certified
 * @param firmwareVersion that release's firmware version
 * @param evidenceId      the evidence item carried
 * @param uploadedBy      who first uploaded (or declared) it, through any earlier carry-overs
 * @param uploadedAt      when
 */
public record CarriedFrom(
        UUID assessmentId,
        UUID releaseId,
        String firmwareVersion,
        UUID evidenceId,
        String uploadedBy,
        Instant uploadedAt) {}
