package no.purreflyt.notice;

/**
 * A letter template that does not render: FreeMarker's message with the line and column in the template's text, or a
 * rendered letter that lacks what the law asks of it.
 */
public class TemplateProblemException extends RuntimeException {

    private final String template;
    private final Integer line;
    private final Integer column;

    TemplateProblemException(String template, Integer line, Integer column, String message) {
        super(message);
        this.template = template;
        this.line = line;
        this.column = column;
    }

    public String template() {
        return template;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }

    /** One sentence for a person: where and what. */
    public String sentence() {
        return template + (line != null ? ", line " + line + (column != null ? ", column " + column : "") : "") + ": "
                + getMessage();
    }
}
