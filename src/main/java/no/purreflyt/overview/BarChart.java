package no.purreflyt.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a vertical bar chart of money by stage in one currency, drawn by the page as inline SVG: the tallest
 * bar is {@link #PLOT_HEIGHT} pixels, the others in proportion, on whole pixels so that edges stay sharp.
 */
record BarChart(String currency, int width, int height, int baseline, List<Bar> bars) {

    static final int PLOT_HEIGHT = 200;
    static final int BAR_WIDTH = 64;
    static final int GAP = 40;
    static final int TOP = 30;
    static final int LEFT = 20;
    /** room under the baseline for the stage names */
    static final int BOTTOM = 40;
    /** The bars' colour; the browser test looks for it in the screenshot. */
    static final String BAR_COLOUR = "#1f6fb2";

    record Bar(String stage, String label, BigDecimal amount, String amountText, int x, int y, int width, int height) {

        /** where the stage's name is centred under the bar */
        int labelX() {
            return x + width / 2;
        }
    }

    static BarChart of(String currency, List<Overview.StageRow> rows) {
        List<Overview.StageRow> mine = rows.stream().filter(r -> r.currency().equals(currency)).toList();
        BigDecimal max = mine.stream().map(Overview.StageRow::outstanding).reduce(BigDecimal.ZERO, BigDecimal::max);
        int baseline = TOP + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        int x = LEFT;
        for (Overview.StageRow row : mine) {
            int h = max.signum() <= 0 || row.outstanding().signum() <= 0 ? 0
                    : row.outstanding().multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(max, 0, RoundingMode.HALF_UP)
                            .intValueExact();
            // a bar for a little money is still to be seen
            if (row.outstanding().signum() > 0 && h == 0) {
                h = 1;
            }
            bars.add(new Bar(row.stage(), label(row.stage()), row.outstanding(),
                    NorwegianFormat.amount(row.outstanding()), x, baseline - h, BAR_WIDTH, h));
            x += BAR_WIDTH + GAP;
        }
        int width = Math.max(x - GAP + LEFT, 2 * LEFT + BAR_WIDTH);
        return new BarChart(currency, width, baseline + BOTTOM, baseline, bars);
    }

    /** CONTACT_DATA_MISSING → "Contact data missing" */
    static String label(String stage) {
        String words = stage.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
