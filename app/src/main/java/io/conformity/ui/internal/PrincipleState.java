package io.conformity.ui.internal;

/**
 * Where one principle of an assessment stands, as the dashboard draws it: each state has a word, a symbol and a CSS
 * class, so that no state is told by colour alone.
 */
public enum PrincipleState {
    WAITING("Waiting for evidence", "…", "waiting"),
    REVIEW("Findings to review", "?", "review"),
    ACCEPTED("Accepted", "✓", "accepted"),
    FAILED("Failed", "✗", "failed"),
    NOT_APPLICABLE("Not applicable", "–", "na"),
    CLOSED("Closed", "■", "closed");

    private final String label;
    private final String symbol;
    private final String css;

    PrincipleState(String label, String symbol, String css) {
        this.label = label;
        this.symbol = symbol;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    public String css() {
        return css;
    }
}
