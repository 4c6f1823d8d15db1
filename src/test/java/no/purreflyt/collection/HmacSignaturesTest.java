package no.purreflyt.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The webhook signature scheme, and the worked example docs/agency-formats.md shows. */
class HmacSignaturesTest {

    private static final String SECRET = "demo-agency-secret";
    private static final String TIMESTAMP = "1772449200";
    private static final byte[] BODY = "{\"messageId\":\"HANDOVER-42\",\"type\":\"HANDOVER\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theWorkedExampleOfTheFormatsDocument() throws IOException {
        String signature = HmacSignatures.sign(SECRET, TIMESTAMP, BODY);
        // computed independently (openssl dgst -sha256 -hmac, as the document shows)
        assertThat(signature).isEqualTo("sha256=" + DOCUMENTED_HEX);
        // and the document shows what the code computes, for the same secret, timestamp and body
        String document = Files.readString(Path.of("docs/agency-formats.md"));
        assertThat(document).contains("X-Purreflyt-Signature: " + signature)
                .contains("`" + SECRET + "`").contains("`" + TIMESTAMP + "`")
                .contains("`" + new String(BODY, StandardCharsets.UTF_8) + "`");
    }

    static final String DOCUMENTED_HEX = "72072021d8acb5604cf99db8b32afbe5bee2193ce0632bcc24716120333d5ea3";

    @Test
    void theRightSignatureIsAccepted() {
        String header = HmacSignatures.sign(SECRET, TIMESTAMP, BODY);
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, header)).isTrue();
        // hex digits in either case
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, "sha256=" + header.substring(7).toUpperCase())).isTrue();
    }

    @Test
    void aTamperedBodyTimestampOrSecretIsRefused() {
        String header = HmacSignatures.sign(SECRET, TIMESTAMP, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;

        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, tampered, header)).isFalse();
        assertThat(HmacSignatures.verify(SECRET, "1772449201", BODY, header)).isFalse();
        assertThat(HmacSignatures.verify("another-secret", TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void aMalformedHeaderIsRefusedNotAnError() {
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, null)).isFalse();
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, "")).isFalse();
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, "sha256=zz")).isFalse();
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, "sha1=abcd")).isFalse();
        String header = HmacSignatures.sign(SECRET, TIMESTAMP, BODY);
        assertThat(HmacSignatures.verify(SECRET, TIMESTAMP, BODY, header.substring(0, header.length() - 2))).isFalse();
    }
}
