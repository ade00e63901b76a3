package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.conformity.evidence.Severity;

/** An assessment's findings as one stacked bar, most severe first, each segment as wide as its share. */
public record SeverityBar(List<Segment> segments, long total) {

    static final List<Severity> ORDER =
            List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);

    /** The bar's width in its own units; the drawing scales to the space it gets. */
    static final double WIDTH = 600;

    public record Segment(Severity severity, long count, double x, double width) {
        public String css() {
            return severity.name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return severity.name().charAt(0) + severity.name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    static SeverityBar of(Map<Severity, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Segment> segments = new ArrayList<>();
        double x = 0;
        for (Severity severity : ORDER) {
            long count = counts.getOrDefault(severity, 0L);
            double width = total == 0 ? 0 : WIDTH * count / total;
            segments.add(new Segment(severity, count, x, width));
            x += width;
        }
        return new SeverityBar(segments, total);
    }

    /** The bar's name: how many findings, in words. */
    public String words() {
        return total == 0 ? "No findings" : total == 1 ? "1 finding" : total + " findings";
    }

    public String viewBox() {
        return "0 0 " + (int) WIDTH + " 24";
    }
}
