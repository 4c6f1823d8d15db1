package no.purreflyt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The log format as an operator gets it: the production profile writes one JSON object a line (ECS), with the
 * invoice number and case id as fields; PURREFLYT_LOG_FORMAT chooses another; without a profile the pattern is
 * human-readable and shows the keys. Each case is a JVM of its own, because logging is set up once per JVM.
 */
class StructuredLogsIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void productionWritesEcsJsonLinesWithTheInvoiceNumberAndCaseId() throws Exception {
        JsonNode line = json.readTree(lineOf(run(Map.of(), "--spring.profiles.active=production")));

        assertThat(line.path("message").asText()).isEqualTo(LogLine.MESSAGE);
        assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("invoiceNumber").asText()).isEqualTo("INV-7");
        assertThat(line.path("caseId").asText()).isEqualTo("42");
        assertThat(line.path("ecs").path("version").asText()).isNotBlank();
    }

    @Test
    void theEnvironmentChoosesLogstashInstead() throws Exception {
        JsonNode line = json.readTree(lineOf(run(Map.of("PURREFLYT_LOG_FORMAT", "logstash"),
                "--spring.profiles.active=production")));

        assertThat(line.path("message").asText()).isEqualTo(LogLine.MESSAGE);
        assertThat(line.path("@timestamp").asText()).isNotBlank();
        assertThat(line.path("invoiceNumber").asText()).isEqualTo("INV-7");
        assertThat(line.path("caseId").asText()).isEqualTo("42");
    }

    @Test
    void withoutAProfileTheLineIsReadableAndShowsTheKeys() throws Exception {
        String line = lineOf(run(Map.of()));

        assertThat(line).doesNotStartWith("{").contains("invoice=INV-7 case=42 ").endsWith(LogLine.MESSAGE);
    }

    private static String lineOf(List<String> output) {
        List<String> lines = output.stream().filter(line -> line.contains(LogLine.MESSAGE)).toList();
        assertThat(lines).as("%s", output).hasSize(1);
        return lines.get(0);
    }

    private static List<String> run(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogLine.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PURREFLYT_LOG_FORMAT");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
