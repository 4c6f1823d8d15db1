package no.purreflyt.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import no.purreflyt.collection.CollectionProperties.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends each message at once as a signed JSON POST to a WEBHOOK agency. Any 2xx answer means the agency has it;
 * anything else is an {@link AgencyUnavailableException} and the job retries with the same message id.
 */
class WebhookConnector implements AgencyConnector {

    private static final Logger log = LoggerFactory.getLogger(WebhookConnector.class);
    private static final int BODY_IN_MESSAGE = 200;

    static final String MESSAGE_ID = "X-Purreflyt-Message-Id";
    static final String TIMESTAMP = "X-Purreflyt-Timestamp";
    static final String SIGNATURE = "X-Purreflyt-Signature";

    private final Agency agency;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    WebhookConnector(Agency agency, Duration timeout, ObjectMapper json, Clock clock) {
        this(agency, timeout, httpClient(timeout), json, clock);
    }

    WebhookConnector(Agency agency, Duration timeout, HttpClient client, ObjectMapper json, Clock clock) {
        this.agency = agency;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        // the time from sending the request until the answer's status line and headers
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** One client for all webhook agencies: it keeps connections alive between messages. */
    static HttpClient httpClient(Duration timeout) {
        return HttpClient.newBuilder()
                .connectTimeout(timeout)
                // HTTP/1.1 only: the JDK's default tries an h2c upgrade on plain http, which some servers mishandle
                // for requests with a body
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(AgencyMessage message) {
        if (!agency.name().equals(message.agency())) {
            throw new IllegalArgumentException("Message " + message.messageId() + " is for agency '" + message.agency()
                    + "', not for '" + agency.name() + "'");
        }
        byte[] body = body(message);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = HmacSignatures.sign(agency.secret(), timestamp, body);
        int status;
        String answer;
        try {
            Answer received = http.post().uri(agency.url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(MESSAGE_ID, message.messageId())
                    .header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, signature)
                    .body(body)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(), start(response.getBody())),
                            true);
            status = received.status();
            answer = received.body();
        } catch (ResourceAccessException failed) {
            throw unavailable(failed);
        }
        if (status < 200 || status > 299) {
            throw new AgencyUnavailableException("Agency " + agency.name() + " answered " + status + " at " + agency.url()
                    + (answer.isBlank() ? "" : ": " + answer));
        }
        log.info("{} {} for invoice {} sent to agency {} ({} answered {})", message.type(), message.messageId(),
                message.invoiceNumber(), agency.name(), agency.url(), status);
    }

    private record Answer(int status, String body) {
    }

    private byte[] body(AgencyMessage message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Message " + message.messageId() + " cannot be written as JSON", e);
        }
    }

    /** The start of an error answer, for the incident: enough to see what the agency complained about. */
    private static String start(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        String text = new String(body.readNBytes(BODY_IN_MESSAGE * 4), StandardCharsets.UTF_8).strip()
                .replaceAll("\\s+", " ");
        return text.length() <= BODY_IN_MESSAGE ? text : text.substring(0, BODY_IN_MESSAGE) + "…";
    }

    private AgencyUnavailableException unavailable(ResourceAccessException failed) {
        Throwable cause = failed.getCause() == null ? failed : failed.getCause();
        if (cause instanceof HttpTimeoutException) {
            return new AgencyUnavailableException("Agency " + agency.name() + " did not answer within " + seconds(timeout)
                    + " at " + agency.url() + " (" + CollectionProperties.PREFIX + ".webhook-timeout)", failed);
        }
        return new AgencyUnavailableException("Agency " + agency.name() + " could not be reached at " + agency.url() + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()), failed);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros()
                .toPlainString() + " s";
    }
}
