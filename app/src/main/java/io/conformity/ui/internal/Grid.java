package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The principles of an assessment laid out as an SVG grid: positions are worked out here so that the template only
 * draws. The drawing scales with its viewBox, so a narrow screen shrinks it rather than scrolling.
 */
public record Grid(List<Placed> cells, int width, int height) {

    static final int COLUMNS = 8;
    static final int CELL_WIDTH = 70;
    static final int CELL_HEIGHT = 58;
    static final int GAP = 6;

    /** A cell at its place, with the principle's name where the catalog gives one. */
    public record Placed(PrincipleStates.Cell cell, String name, int x, int y) {

        /**
         * The code as the cell fits it: short codes whole, a hyphenated name by its initials, else cut; the
         * {@code <title>} and the list beside the drawing carry the whole code.
         */
        public String shortCode() {
            String code = cell.principle();
            if (code.length() <= 5) {
                return code;
            }
            if (code.contains("-")) {
                StringBuilder initials = new StringBuilder();
                for (String word : code.split("-+")) {
                    if (!word.isEmpty() && initials.length() < 5) {
                        initials.append(Character.toUpperCase(word.charAt(0)));
                    }
                }
                return initials.toString();
            }
            return code.substring(0, 4) + "…";
        }

        /** What the cell's {@code <title>} says: principle, state, name, and lateness. */
        public String title() {
            PrincipleStates.Cell c = cell;
            String requirements = c.applicable() + " of " + c.total() + " requirements applicable";
            return "Principle " + c.principle() + ": " + c.state().label() + (name == null ? "" : ". " + name) + " ("
                    + requirements + ")" + (c.overdue() ? ", task overdue" : "");
        }
    }

    static Grid of(List<PrincipleStates.Cell> cells, Map<String, String> names) {
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            PrincipleStates.Cell cell = cells.get(i);
            placed.add(new Placed(
                    cell,
                    names.get(cell.principle()),
                    (i % COLUMNS) * (CELL_WIDTH + GAP),
                    (i / COLUMNS) * (CELL_HEIGHT + GAP)));
        }
        int columns = Math.max(1, Math.min(COLUMNS, cells.size()));
        int rows = Math.max(1, (cells.size() + COLUMNS - 1) / COLUMNS);
        return new Grid(placed, columns * (CELL_WIDTH + GAP) - GAP, rows * (CELL_HEIGHT + GAP) - GAP);
    }

    /** How many principles are in each state, in the legend's order, leaving out states no principle is in. */
    public List<String> tally() {
        List<String> words = new ArrayList<>();
        for (PrincipleState state : PrincipleState.values()) {
            long count = cells.stream().filter(p -> p.cell().state() == state).count();
            if (count > 0) {
                words.add(count + " " + state.label().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    public int cellWidth() {
        return CELL_WIDTH;
    }

    public int cellHeight() {
        return CELL_HEIGHT;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
