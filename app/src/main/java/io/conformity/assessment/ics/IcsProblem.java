package io.conformity.assessment.ics;

/**
 * One thing wrong with a statement, located so that the supplier can find it.
 *
 * @param row for CSV the row a spreadsheet shows (header = 1, first data row = 2); for JSON and for
 *            {@link IcsRules} the 1-based position in {@code rows}; 0 when the problem is not about one row
 * @param column the column or JSON field name, or {@code null} when the problem is not about one column
 */
public record IcsProblem(int row, String column, String message) {

    @Override
    public String toString() {
        String where = row == 0 ? "" : "row " + row;
        if (column != null) {
            where = where.isEmpty() ? column : where + ", " + column;
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
