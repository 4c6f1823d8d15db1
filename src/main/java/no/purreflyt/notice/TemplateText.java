package no.purreflyt.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.purreflyt.ledger.Language;

/**
 * The text of a letter template as it is in force: where it comes from (built in, the configured directory, or saved
 * through the API as a numbered version) and its source. {@link #version()} names it so that a notice can say which
 * text produced it: "purring_nb api v3 #1a2b3c4d5e".
 */
record TemplateText(TemplateKind kind, Language language, Origin origin, Integer apiVersion, String source) {

    enum Origin { BUILT_IN, DIRECTORY, API }

    static String fileName(TemplateKind kind, Language language) {
        return kind.code() + "_" + language.code() + ".ftlh";
    }

    String fileName() {
        return fileName(kind, language);
    }

    String version() {
        String where = switch (origin) {
            case BUILT_IN -> "built-in";
            case DIRECTORY -> "directory";
            case API -> "api v" + apiVersion;
        };
        return kind.code() + "_" + language.code() + " " + where + " #" + digest();
    }

    String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
