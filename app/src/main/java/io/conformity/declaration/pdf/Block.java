package io.conformity.declaration.pdf;

import java.util.List;

/**
 * One piece of the statement with its wording already resolved: the boundary between the template, which
 * owns every word, and {@link PdfLayout}, which owns every measurement.
 */
sealed interface Block {

    record Title(String text) implements Block {}

    record Subtitle(String text) implements Block {}

    record Heading(String text) implements Block {}

    record Paragraph(String text) implements Block {}

    /** A label beside its value, e.g. "Batch" and "2025-W14". */
    record Field(String label, String value) implements Block {}

    /** A list entry whose marker hangs to the left of its wrapped text. */
    record Item(String marker, String text) implements Block {}

    /** Room for a handwritten or visible digital signature, captioned with the label. */
    record Signature(String label) implements Block {}

    record Space(float points) implements Block {}

    record PageBreak() implements Block {}

    /** Rows hold one cell per column; a table with no rows is never emitted (the template's else is). */
    record Table(List<Column> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param weight share of the text width relative to the other columns
     * @param nowrap keep each line of the cell on one printed line, shrinking the font instead of wrapping,
     *               so that values such as digests survive text extraction intact
     * @param mono   use the monospaced font, which also makes hexadecimal digests narrower
     * @param right  align right, for numbers
     */
    record Column(float weight, boolean nowrap, boolean mono, boolean right, String header) {}
}
