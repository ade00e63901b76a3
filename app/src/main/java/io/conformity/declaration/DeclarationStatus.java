package io.conformity.declaration;

/** Register status; withdrawal and supersession come with their own issue. */
public enum DeclarationStatus {
    ISSUED
}
