package io.conformity.declaration;

/**
 * Where a statement stands in the register. Only an issued statement moves on: a later assessment of the same
 * release and regime supersedes it, or the manufacturer withdraws it; both are final.
 */
public enum DeclarationStatus {
    ISSUED,
    SUPERSEDED,
    WITHDRAWN
}
