package no.purreflyt.collection;

import java.text.Normalizer;
import java.util.Locale;

/** Agency names as they appear in file names: lowercase ASCII letters, digits and hyphens. */
final class Slugs {

    private Slugs() {
    }

    static String of(String name) {
        String ascii = name.toLowerCase(Locale.ROOT)
                // the Nordic letters that do not decompose into a base letter and an accent
                .replace("æ", "ae").replace("ø", "o").replace("ß", "ss");
        ascii = Normalizer.normalize(ascii, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "agency" : slug;
    }
}
