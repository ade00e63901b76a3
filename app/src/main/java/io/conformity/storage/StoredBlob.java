package io.conformity.storage;

/**
 * What the store knows of stored bytes.
 *
 * @param sha256     lower-case hex SHA-256 of the bytes
 * @param size       number of bytes
 * @param newlyStored false when identical bytes were already present (stored once)
 */
public record StoredBlob(String sha256, long size, boolean newlyStored) {}
