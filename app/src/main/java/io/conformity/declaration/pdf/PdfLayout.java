package io.conformity.declaration.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays resolved {@link Block}s out on A4 pages: wrapping, pagination, tables and footers. All sizes are in
 * PDF points (1/72 inch). Text flows line by line, so only a single line ever moves to the next page, and a
 * table row too tall for what is left of a page continues on the next one under a repeated header.
 */
final class PdfLayout {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN_SIDE = 56.7f;
    private static final float MARGIN_TOP = 56.7f;
    /** Content stops here; the footer lives below. */
    private static final float MARGIN_BOTTOM = 64f;

    private static final float FOOTER_RULE = 48f;
    private static final float FOOTER_BASELINE = 36f;

    private static final float LEFT = MARGIN_SIDE;
    private static final float RIGHT = PAGE.getWidth() - MARGIN_SIDE;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = PAGE.getHeight() - MARGIN_TOP;

    private static final float BODY_SIZE = 10f;
    private static final float BODY_LEADING = 14f;
    private static final float TITLE_SIZE = 18f;
    private static final float TITLE_LEADING = 23f;
    private static final float SUBTITLE_SIZE = 8.5f;
    private static final float SUBTITLE_LEADING = 11.5f;
    private static final float HEADING_SIZE = 11.5f;
    private static final float HEADING_LEADING = 16f;
    private static final float LABEL_SIZE = 9f;
    private static final float LABEL_WIDTH = 128f;
    private static final float LABEL_GAP = 10f;
    private static final float MARKER_INDENT = 6f;
    private static final float MARKER_WIDTH = 26f;
    private static final float SIGNATURE_HEIGHT = 34f;
    private static final float SIGNATURE_WIDTH = 230f;
    private static final float CAPTION_SIZE = 8f;
    private static final float CAPTION_LEADING = 11f;
    private static final float TABLE_SIZE = 7.5f;
    private static final float TABLE_LEADING = 9.5f;
    private static final float CELL_PADDING = 3f;
    private static final float FOOTER_SIZE = 7.5f;
    /** A field or list item up to this many lines (an address, say) is never split over two pages. */
    private static final int KEEP_TOGETHER_ROWS = 7;
    /** Fewest lines of a paragraph left at the foot of a page. */
    private static final int MIN_PARAGRAPH_LINES = 3;

    private static final float BLACK = 0f;
    private static final float DARK_GREY = 0.3f;
    private static final float GREY = 0.45f;
    private static final float RULE_GREY = 0.7f;
    private static final float HEADER_FILL = 0.9f;

    /** The three faces a template names; the bold and mono ones are separate files, not synthesized. */
    record Fonts(FontFace regular, FontFace bold, FontFace mono) {}

    /** A measured line, ready to show. */
    private record Line(String text, FontFace face, float size, float width) {}

    private final PDDocument document;
    private final Fonts fonts;
    private PDPageContentStream stream;
    private float y;
    /** True until something is drawn on the current page, so that breaks and gaps never leave a blank page. */
    private boolean pageEmpty;

    PdfLayout(PDDocument document, Fonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    void render(List<Block> blocks) throws IOException {
        newPage();
        try {
            for (int i = 0; i < blocks.size(); i++) {
                Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                draw(blocks.get(i), next);
            }
        } finally {
            stream.close();
        }
    }

    /**
     * Adds the footer to every page once the page count is known.
     *
     * @param footer page number and count to the left and right footer text
     */
    void footers(BiFunction<Integer, Integer, String[]> footer) throws IOException {
        int pages = document.getNumberOfPages();
        for (int index = 0; index < pages; index++) {
            String[] text = footer.apply(index + 1, pages);
            PDPage page = document.getPage(index);
            try (PDPageContentStream footerStream =
                    new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                footerStream.setStrokingColor(RULE_GREY);
                footerStream.setLineWidth(0.5f);
                footerStream.moveTo(LEFT, FOOTER_RULE);
                footerStream.lineTo(RIGHT, FOOTER_RULE);
                footerStream.stroke();
                Line right = measure(text[1], fonts.regular(), FOOTER_SIZE, WIDTH / 2);
                Line left = measure(text[0], fonts.regular(), FOOTER_SIZE, WIDTH - right.width() - 12f);
                show(footerStream, left, LEFT, FOOTER_BASELINE, GREY);
                show(footerStream, right, RIGHT - right.width(), FOOTER_BASELINE, GREY);
            }
        }
    }

    private void draw(Block block, Block next) throws IOException {
        if (block instanceof Block.Title title) {
            gap(4f);
            List<Line> lines = wrap(title.text(), fonts.bold(), TITLE_SIZE, WIDTH);
            keep(lines.size() * TITLE_LEADING + firstLineHeight(next));
            lines(lines, LEFT, TITLE_LEADING, TITLE_SIZE, BLACK);
            y -= 4f;
        } else if (block instanceof Block.Subtitle subtitle) {
            lines(
                    wrap(subtitle.text(), fonts.regular(), SUBTITLE_SIZE, WIDTH),
                    LEFT,
                    SUBTITLE_LEADING,
                    SUBTITLE_SIZE,
                    DARK_GREY);
            y -= 6f;
            rule(LEFT, RIGHT, y, 0.8f, BLACK);
            y -= 12f;
        } else if (block instanceof Block.Heading heading) {
            gap(14f);
            List<Line> lines = wrap(heading.text(), fonts.bold(), HEADING_SIZE, WIDTH);
            keep(lines.size() * HEADING_LEADING + 7f + firstLineHeight(next));
            lines(lines, LEFT, HEADING_LEADING, HEADING_SIZE, BLACK);
            y -= 1f;
            rule(LEFT, RIGHT, y, 0.5f, RULE_GREY);
            y -= 6f;
        } else if (block instanceof Block.Paragraph paragraph) {
            List<Line> lines = wrap(paragraph.text(), fonts.regular(), BODY_SIZE, WIDTH);
            keep(Math.min(lines.size(), MIN_PARAGRAPH_LINES) * BODY_LEADING);
            lines(lines, LEFT, BODY_LEADING, BODY_SIZE, BLACK);
            y -= 6f;
        } else if (block instanceof Block.Field field) {
            List<Line> label = wrap(field.label(), fonts.bold(), LABEL_SIZE, LABEL_WIDTH);
            List<Line> value = wrap(field.value(), fonts.regular(), BODY_SIZE, WIDTH - LABEL_WIDTH - LABEL_GAP);
            hanging(label, LEFT, DARK_GREY, value, LEFT + LABEL_WIDTH + LABEL_GAP);
            y -= 3f;
        } else if (block instanceof Block.Item item) {
            List<Line> marker = wrap(item.marker(), fonts.regular(), BODY_SIZE, MARKER_WIDTH);
            List<Line> text = wrap(item.text(), fonts.regular(), BODY_SIZE, WIDTH - MARKER_INDENT - MARKER_WIDTH);
            hanging(marker, LEFT + MARKER_INDENT, BLACK, text, LEFT + MARKER_INDENT + MARKER_WIDTH);
            y -= 3f;
        } else if (block instanceof Block.Signature signature) {
            signature(signature, next);
        } else if (block instanceof Block.Space space) {
            gap(space.points());
        } else if (block instanceof Block.PageBreak) {
            if (!pageEmpty) {
                newPage();
            }
        } else if (block instanceof Block.Table table) {
            table(table);
        } else {
            throw new IllegalArgumentException("No layout for " + block);
        }
    }

    /** Height that must fit below a heading or title so that it is not left alone at the foot of a page. */
    private static float firstLineHeight(Block next) {
        if (next instanceof Block.Table) {
            return 2 * (2 * CELL_PADDING + 2 * TABLE_LEADING);
        }
        if (next instanceof Block.Signature) {
            return SIGNATURE_HEIGHT + CAPTION_LEADING;
        }
        if (next instanceof Block.Title) {
            return TITLE_LEADING;
        }
        if (next instanceof Block.Heading) {
            return HEADING_LEADING;
        }
        if (next instanceof Block.Paragraph) {
            // As many lines as the paragraph itself keeps together, or it moves on alone and leaves the heading.
            return MIN_PARAGRAPH_LINES * BODY_LEADING;
        }
        if (next instanceof Block.Subtitle) {
            return 2 * BODY_LEADING;
        }
        if (next instanceof Block.Field || next instanceof Block.Item) {
            return BODY_LEADING;
        }
        return 0f;
    }

    /** Lines in a left column beside lines in a right column, flowing row by row over page ends. */
    private void hanging(List<Line> left, float leftX, float leftGrey, List<Line> right, float rightX)
            throws IOException {
        int rows = Math.max(left.size(), right.size());
        keep(Math.min(rows, KEEP_TOGETHER_ROWS) * BODY_LEADING);
        for (int row = 0; row < rows; row++) {
            keep(BODY_LEADING);
            // The label's baseline follows the value's, so that the smaller label sits on the same line.
            float baseline = baseline(y, BODY_LEADING, BODY_SIZE);
            if (row < left.size()) {
                show(stream, left.get(row), leftX, baseline, leftGrey);
            }
            if (row < right.size()) {
                show(stream, right.get(row), rightX, baseline, BLACK);
            }
            y -= BODY_LEADING;
            pageEmpty = false;
        }
    }

    private void signature(Block.Signature signature, Block next) throws IOException {
        List<Line> caption = wrap(signature.label(), fonts.regular(), CAPTION_SIZE, SIGNATURE_WIDTH);
        keep(SIGNATURE_HEIGHT + caption.size() * CAPTION_LEADING + 4f + firstLineHeight(next));
        y -= SIGNATURE_HEIGHT;
        rule(LEFT, LEFT + SIGNATURE_WIDTH, y, 0.6f, BLACK);
        y -= 2f;
        lines(caption, LEFT, CAPTION_LEADING, CAPTION_SIZE, DARK_GREY);
        y -= 8f;
    }

    private void table(Block.Table table) throws IOException {
        List<Block.Column> columns = table.columns();
        float totalWeight = 0f;
        for (Block.Column column : columns) {
            totalWeight += column.weight();
        }
        float[] x = new float[columns.size() + 1];
        x[0] = LEFT;
        for (int c = 0; c < columns.size(); c++) {
            x[c + 1] = x[c] + WIDTH * columns.get(c).weight() / totalWeight;
        }
        List<List<Line>> header = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            header.add(wrap(columns.get(c).header(), fonts.bold(), TABLE_SIZE, cellWidth(x, c)));
        }
        float headerHeight = 2 * CELL_PADDING + maxLines(header) * TABLE_LEADING;

        List<List<List<Line>>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<List<Line>> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(cell(row.get(c), columns.get(c), cellWidth(x, c)));
            }
            rows.add(cells);
        }
        float firstRow = rows.isEmpty() ? 0f : 2 * CELL_PADDING + maxLines(rows.get(0)) * TABLE_LEADING;
        keep(headerHeight + Math.min(firstRow, (TOP - MARGIN_BOTTOM) / 2));
        // A header at the top of a page has nothing above it worth keeping a row next to.
        boolean fresh = pageEmpty;
        tableHeader(header, columns, x, headerHeight);
        for (List<List<Line>> cells : rows) {
            int total = maxLines(cells);
            int from = 0;
            while (from < total) {
                int fit = (int) Math.floor((y - MARGIN_BOTTOM - 2 * CELL_PADDING) / TABLE_LEADING + 1e-3);
                // A row moves whole to the next page unless even a fresh page cannot hold it.
                if (fit < 1 || (fit < total - from && !fresh)) {
                    newPage();
                    tableHeader(header, columns, x, headerHeight);
                    fresh = true;
                    continue;
                }
                int count = Math.min(fit, total - from);
                rowSlice(cells, columns, x, from, count);
                from += count;
                fresh = false;
            }
        }
        y -= 8f;
    }

    private static float cellWidth(float[] x, int column) {
        return x[column + 1] - x[column] - 2 * CELL_PADDING;
    }

    private List<Line> cell(String text, Block.Column column, float width) {
        FontFace face = column.mono() ? fonts.mono() : fonts.regular();
        if (!column.nowrap()) {
            return wrap(text, face, TABLE_SIZE, width);
        }
        List<Line> lines = new ArrayList<>();
        for (String part : paragraphs(text)) {
            lines.add(measure(part, face, TABLE_SIZE, width));
        }
        return lines;
    }

    private void tableHeader(List<List<Line>> header, List<Block.Column> columns, float[] x, float height)
            throws IOException {
        stream.setNonStrokingColor(HEADER_FILL);
        stream.addRect(x[0], y - height, x[x.length - 1] - x[0], height);
        stream.fill();
        cellText(header, columns, x, 0, maxLines(header));
        cellBorders(x, height);
        y -= height;
        pageEmpty = false;
    }

    private void rowSlice(List<List<Line>> cells, List<Block.Column> columns, float[] x, int from, int count)
            throws IOException {
        float height = 2 * CELL_PADDING + count * TABLE_LEADING;
        cellText(cells, columns, x, from, count);
        cellBorders(x, height);
        y -= height;
        pageEmpty = false;
    }

    private void cellText(List<List<Line>> cells, List<Block.Column> columns, float[] x, int from, int count)
            throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            List<Line> lines = cells.get(c);
            for (int i = from; i < Math.min(lines.size(), from + count); i++) {
                Line line = lines.get(i);
                float top = y - CELL_PADDING - (i - from) * TABLE_LEADING;
                float left = columns.get(c).right() ? x[c + 1] - CELL_PADDING - line.width() : x[c] + CELL_PADDING;
                show(stream, line, left, baseline(top, TABLE_LEADING, TABLE_SIZE), BLACK);
            }
        }
    }

    private void cellBorders(float[] x, float height) throws IOException {
        stream.setStrokingColor(RULE_GREY);
        stream.setLineWidth(0.4f);
        for (int c = 0; c + 1 < x.length; c++) {
            stream.addRect(x[c], y - height, x[c + 1] - x[c], height);
        }
        stream.stroke();
    }

    private static int maxLines(List<List<Line>> cells) {
        int max = 1;
        for (List<Line> cell : cells) {
            max = Math.max(max, cell.size());
        }
        return max;
    }

    private void lines(List<Line> lines, float x, float leading, float size, float grey) throws IOException {
        for (Line line : lines) {
            keep(leading);
            show(stream, line, x, baseline(y, leading, size), grey);
            y -= leading;
            pageEmpty = false;
        }
    }

    /** Starts a new page unless {@code height} still fits above the bottom margin. */
    private void keep(float height) throws IOException {
        if (y - height < MARGIN_BOTTOM && !pageEmpty) {
            newPage();
        }
    }

    private void gap(float points) {
        if (!pageEmpty) {
            y -= points;
        }
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
        pageEmpty = true;
    }

    private void rule(float from, float to, float at, float width, float grey) throws IOException {
        stream.setStrokingColor(grey);
        stream.setLineWidth(width);
        stream.moveTo(from, at);
        stream.lineTo(to, at);
        stream.stroke();
        pageEmpty = false;
    }

    /** Places the baseline so that the glyphs sit centred in a line box whose top is {@code top}. */
    private static float baseline(float top, float leading, float size) {
        return top - leading / 2f - 0.36f * size;
    }

    private static void show(PDPageContentStream target, Line line, float x, float baseline, float grey)
            throws IOException {
        if (line.text().isEmpty()) {
            return;
        }
        target.beginText();
        target.setFont(line.face().font(), line.size());
        target.setNonStrokingColor(grey);
        target.newLineAtOffset(x, baseline);
        target.showText(line.text());
        target.endText();
    }

    /** One line that never wraps: if it is wider than {@code width}, it is set smaller until it fits. */
    private static Line measure(String text, FontFace face, float size, float width) {
        String printable = face.printable(text);
        float natural = face.width(printable, size);
        float fitted = natural > width ? size * width / natural : size;
        return new Line(printable, face, fitted, face.width(printable, fitted));
    }

    /**
     * Greedy word wrap within {@code width}; explicit line breaks in the text (multi-line addresses) are kept,
     * and a word wider than the whole width is broken (see {@link #afterLastBreak}) rather than overflowing.
     */
    private List<Line> wrap(String text, FontFace face, float size, float width) {
        List<Line> lines = new ArrayList<>();
        float space = face.width(" ", size);
        for (String paragraph : paragraphs(text)) {
            StringBuilder current = new StringBuilder();
            float currentWidth = 0f;
            for (String word : face.printable(paragraph).split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = face.width(word, size);
                if (current.length() > 0 && currentWidth + space + wordWidth <= width) {
                    current.append(' ').append(word);
                    currentWidth += space + wordWidth;
                    continue;
                }
                if (current.length() > 0) {
                    lines.add(new Line(current.toString(), face, size, currentWidth));
                    current.setLength(0);
                    currentWidth = 0f;
                }
                if (wordWidth <= width) {
                    current.append(word);
                    currentWidth = wordWidth;
                    continue;
                }
                int start = 0;
                while (start < word.length()) {
                    int end = start;
                    while (end < word.length()) {
                        int after = word.offsetByCodePoints(end, 1);
                        if (end > start && face.width(word.substring(start, after), size) > width) {
                            break;
                        }
                        end = after;
                    }
                    if (end < word.length()) {
                        end = afterLastBreak(word, start, end);
                    }
                    String piece = word.substring(start, end);
                    if (end < word.length()) {
                        lines.add(new Line(piece, face, size, face.width(piece, size)));
                    } else {
                        current.append(piece);
                        currentWidth = face.width(piece, size);
                    }
                    start = end;
                }
            }
            lines.add(new Line(current.toString(), face, size, currentWidth));
        }
        return lines;
    }

    /**
     * Where to cut a word that is too long for its column, given that everything before {@code fits} fits:
     * just after the last hyphen, underscore, slash or dot, so that file names and identifiers break where a
     * reader expects, or at {@code fits} when the piece has none.
     */
    private static int afterLastBreak(String word, int start, int fits) {
        for (int i = fits - 1; i > start; i--) {
            if ("-_/.".indexOf(word.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return fits;
    }

    /** The text's own lines, with surrounding blank lines and Windows or old Mac line ends normalised away. */
    private static List<String> paragraphs(String text) {
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n", -1));
    }
}
