package io.conformity.evidence;

/** What the analysis of an upload came to. */
public enum AnalysisStatus {
    /** An analyzer recognised the file and read it to the end. */
    ANALYZED,
    /** No analyzer recognised the file: it is kept as a document. */
    NOT_RECOGNISED,
    /** The file is malformed in a way that is dangerous or makes it meaningless: it was not stored. */
    REJECTED
}
