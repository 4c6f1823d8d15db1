package no.purreflyt.benchmark;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.purreflyt.PurreflytApplication;
import no.purreflyt.claim.ClaimService;
import no.purreflyt.plan.PlanDefinition;
import no.purreflyt.plan.Plans;
import no.purreflyt.clock.TimeTravel;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.ledger.InvoiceRequest;
import no.purreflyt.ledger.Language;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.ledger.PaymentRequest;
import no.purreflyt.notice.DeliverySettings;
import no.purreflyt.process.CaseStarter;
import no.purreflyt.process.RunKind;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purreflyt as it runs in production, in this JVM: the postgres profile, its job executor, its case starter, rules,
 * letters (HTML and PDF) and e-mail over SMTP; the only differences are an adjustable business clock, the daily run
 * left to the benchmark, and an SMTP sink in this JVM ({@link SmtpSink}) as the relay. Every call goes through the services the REST API calls.
 */
final class Purreflyt implements Subject {

    static final String PLAN = """
            {"name": "Standard", "feePolicy": "STRICT",
             "reminders": {"count": 1, "daysAfterDue": 7, "deadlineDays": 7, "mode": "CREATE_AND_SEND"},
             "purringer": [{"daysAfterDue": 14, "deadlineDays": 14, "mode": "CREATE_AND_SEND"}],
             "inkassovarsel": {"daysAfterDue": 28, "deadlineDays": 14, "mode": "CREATE_AND_SEND"},
             "handover": {"approval": "MANUAL", "agency": "Demo Inkasso AS"},
             "acceptPaymentWithoutFee": false}""";

    private final SmtpSink smtp;
    private final java.util.List<Process> otherNodes = new java.util.ArrayList<>();
    private final ConfigurableApplicationContext context;
    private final LedgerService ledger;
    private final TimeTravel clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Purreflyt(String url, String user, String password, Path workDirectory, Map<String, String> extraProperties,
            int nodes, Scenario.Progress progress) {
        int smtpPort = Benchmark.freePort();
        smtp = new SmtpSink(smtpPort);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("server.port", "0");
        properties.put("purreflyt.demo.enabled", "false");
        properties.put("purreflyt.mail-sink.enabled", "false");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        properties.put("purreflyt.clock.adjustable", "true");
        properties.put("purreflyt.case-starter.scheduled", "false");
        properties.put("PURREFLYT_COLLECTION_EXPORT_DIRECTORY", workDirectory.resolve("agency-exports").toString());
        // the application logs at INFO as in production, to a file beside the results rather than over the progress
        properties.put("logging.file.name", workDirectory.resolve("purreflyt.log").toString());
        properties.put("logging.threshold.console", "WARN");
        properties.putAll(extraProperties);
        // as command-line arguments: they take precedence over the profiles' files, as an operator's settings would
        context = new SpringApplicationBuilder(PurreflytApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        ledger = context.getBean(LedgerService.class);
        clock = context.getBean(TimeTravel.class);
        jdbc = context.getBean(JdbcClient.class);
        transaction = context.getBean(TransactionTemplate.class);
        // the default plan with the creditor's own inkassovarsel (the shipped one goes purring, purring, handover), so
        // that every case gets each kind of letter: free reminder, purring, inkassovarsel; then the handover
        try {
            context.getBean(Plans.class).update("standard", context.getBean(ObjectMapper.class)
                    .readValue(PLAN, PlanDefinition.class), "benchmark");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // every notice by e-mail, the inkassovarsel too (the creditor's choice; the default is by post)
        context.getBean(DeliverySettings.class).change(true, "benchmark");
        // further identical nodes on the same database, each a JVM of its own: they share the jobs (the clock moves
        // they follow through the database); cases start and payments arrive on this one, as the scenario drives it
        for (int node = 2; node <= nodes; node++) {
            int port = Benchmark.freePort();
            Map<String, String> settings = new LinkedHashMap<>(extraProperties);
            settings.put("camunda.bpm.generic-properties.properties.hostname", "node-" + node);
            settings.put("logging.threshold.console", "WARN");
            settings.put("logging.file.name", workDirectory.resolve("purreflyt-node-" + node + ".log").toString());
            Path log = workDirectory.resolve("node-" + node + ".out");
            long t = System.nanoTime();
            Process process = StartupProbe.launch(Stream.concat(Stream.of("-Xmx512m"),
                    StartupProbe.onClassPath().stream()).toList(), port, url, user, password, workDirectory, smtpPort,
                    settings, log);
            otherNodes.add(process);
            progress.say("Node %d ready in %.1f s", node, StartupProbe.awaitReady(process, port, log, t));
        }
    }

    static BigDecimal amount(int i) {
        return BigDecimal.valueOf(50_000 + (i % 9_000) * 100L + 50, 2);
    }

    JobSettings jobSettings() {
        return JobSettings.of(context);
    }

    @Override
    public String name() {
        return "Purreflyt";
    }

    @Override
    public ProcessEngineConfigurationImpl engine() {
        return context.getBean(ProcessEngineConfigurationImpl.class);
    }

    @Override
    public DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /** Consumers in Norway, each with an e-mail address and one invoice fallen due five days ago (past the post days). */
    @Override
    public void load(int cases) {
        LocalDate today = clock.now().toLocalDate();
        for (int from = 0; from < cases; from += 1_000) {
            int to = Math.min(cases, from + 1_000);
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < to; i++) {
                    ledger.createCustomer(new Customer("BMC-" + i, "Kunde " + i, CustomerType.CONSUMER,
                            "kunde" + i + "@example.no", Language.NB, Country.NO,
                            new Customer.Address("Storgata " + (i % 200 + 1), null, "0155", "Oslo"), null));
                    ledger.createInvoice(new InvoiceRequest(Subject.invoiceNumber(i), "BMC-" + i, today.minusDays(19),
                            today.minusDays(5), amount(i), "NOK", null, null));
                }
            });
        }
    }

    @Override
    public int startCases() {
        return context.getBean(CaseStarter.class).run(RunKind.MANUAL, "benchmark").orElseThrow().started();
    }

    @Override
    public void moveClockTo(Instant moment) {
        ZonedDateTime at = moment.atZone(clock.now().getZone());
        clock.setDateTime(at.toLocalDate(), at.toLocalTime());
    }

    /** What the letter asked for: the claim's total on the day (principal, fees and interest). */
    @Override
    public Runnable payment(int i) {
        String number = Subject.invoiceNumber(i);
        BigDecimal owed = context.getBean(ClaimService.class).claim(number, null).claim().total();
        PaymentRequest payment = new PaymentRequest(owed, clock.now().toLocalDate(), "benchmark", "BMP-" + i, "NOK");
        return () -> ledger.recordPayment(number, payment);
    }

    @Override
    public void approveHandover(String taskId) {
        context.getBean(TaskService.class).complete(taskId, Variables.createVariables().putValue("decision", "APPROVE"));
    }

    @Override
    public Map<String, Long> outcome() {
        Map<String, Long> outcome = new LinkedHashMap<>();
        jdbc.sql("select kind || ' ' || status as what, count(*) as n from notice group by kind, status order by 1")
                .query((rs, row) -> outcome.put("notices " + rs.getString("what"), rs.getLong("n"))).list();
        jdbc.sql("select status || ' ' || coalesce(outcome, stage) as stage, count(*) as n from dunning_case group by status, coalesce(outcome, stage) order by 1")
                .query((rs, row) -> outcome.put("cases " + rs.getString("stage"), rs.getLong("n"))).list();
        outcome.put("handovers", jdbc.sql("select count(*) from handover").query(Long.class).single());
        outcome.put("e-mails received by the SMTP sink", smtp.received());
        outcome.put("their average size in kB", smtp.received() == 0 ? 0 : smtp.bytes() / smtp.received() / 1024);
        outcome.put("incidents", jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single());
        return outcome;
    }

    @Override
    public void close() {
        otherNodes.forEach(StartupProbe::stop);
        context.close();
        smtp.close();
    }
}
