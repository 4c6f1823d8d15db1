package no.purreflyt.collection;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of our webhooks and of an agency's callbacks: {@code sha256=} and the lowercase hex of
 * HMAC-SHA256(secret, timestamp + "." + body). The timestamp is signed with the body so that a captured request
 * cannot be replayed later with a fresh timestamp.
 */
public final class HmacSignatures {

    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private HmacSignatures() {
    }

    /** The header value, {@code sha256=<hex>}, for the body sent with the timestamp (epoch seconds, as text). */
    public static String sign(String secret, String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * Whether the header is the signature of the body and timestamp under the secret. Compared in constant time, so
     * that the time to refuse does not tell a forger how many leading bytes were right.
     */
    public static boolean verify(String secret, String timestamp, byte[] body, String header) {
        if (secret == null || timestamp == null || body == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given);
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java runtime has HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
