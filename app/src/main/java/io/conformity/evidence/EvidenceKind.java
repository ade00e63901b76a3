package io.conformity.evidence;

/** What an evidence item is. */
public enum EvidenceKind {
    /** A file uploaded as it is: a tool output, a policy, a document. */
    FILE,
    /** A structured declaration by the manufacturer, validated against its JSON Schema in evidence-schema/evidence. */
    DECLARATION
}
