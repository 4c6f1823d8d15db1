package no.purreflyt.overview;

/** How long an invoice is past its due date, in the bands a credit manager reports on. */
enum AgeBucket {

    // a case opens only after the grace days, so none is due today or later; a clock moved back still counts it here
    UP_TO_14("1-14", Long.MIN_VALUE, 14),
    UP_TO_30("15-30", 15, 30),
    UP_TO_60("31-60", 31, 60),
    UP_TO_90("61-90", 61, 90),
    OVER_90("over 90", 91, Long.MAX_VALUE);

    private final String label;
    private final long from;
    private final long to;

    AgeBucket(String label, long from, long to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    String label() {
        return label;
    }

    static AgeBucket of(long daysOverdue) {
        for (AgeBucket bucket : values()) {
            if (daysOverdue >= bucket.from && daysOverdue <= bucket.to) {
                return bucket;
            }
        }
        throw new IllegalStateException("no bucket for " + daysOverdue + " days");
    }
}
