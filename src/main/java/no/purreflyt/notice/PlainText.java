package no.purreflyt.notice;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text alternative of an HTML letter: a paragraph per block, a line per table row with its cells apart, so
 * that a mail reader without HTML shows the claim as readable lines.
 */
final class PlainText implements NodeVisitor {

    private final StringBuilder out = new StringBuilder();

    private PlainText() {
    }

    static String of(Element root) {
        PlainText text = new PlainText();
        root.traverse(text);
        return text.out.toString().replaceAll("[ \\t\\u00a0]*\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            String words = text.text().replaceAll("\\s+", " ");
            if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                out.append(words);
            }
        } else if (node instanceof Element element) {
            switch (element.normalName()) {
                case "br" -> out.append('\n');
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        out.append(": ");
                    }
                }
                default -> { }
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            switch (element.normalName()) {
                case "h1", "h2", "h3", "p", "table", "div" -> out.append("\n\n");
                case "tr", "li" -> out.append('\n');
                default -> { }
            }
        }
    }
}
