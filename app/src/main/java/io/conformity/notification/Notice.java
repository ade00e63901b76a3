package io.conformity.notification;

import java.util.UUID;

/**
 * What to tell: the same for every recipient.
 *
 * @param productId the product it concerns; null for none
 * @param subject   one line, at most 200 characters (cut when longer)
 * @param text      the message, at most 4,000 characters (cut when longer)
 * @param link      a path relative to the application's public address, or null
 */
public record Notice(UUID productId, String subject, String text, String link) {}
