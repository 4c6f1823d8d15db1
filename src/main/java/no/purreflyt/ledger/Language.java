package no.purreflyt.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The language a debtor's letters are written in: Norwegian bokmål, Swedish or English. */
public enum Language {
    NB, SV, EN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "'");
    }

    @Override
    public String toString() {
        return code();
    }
}
