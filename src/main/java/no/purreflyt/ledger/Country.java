package no.purreflyt.ledger;

/** The debtor's country; it chooses the legal regime, the calendar and the currency of the claim. */
public enum Country {
    NO("NOK", Language.NB), SE("SEK", Language.SV);

    private final String currency;
    private final Language defaultLanguage;

    Country(String currency, Language defaultLanguage) {
        this.currency = currency;
        this.defaultLanguage = defaultLanguage;
    }

    public String currency() {
        return currency;
    }

    public Language defaultLanguage() {
        return defaultLanguage;
    }
}
