package no.purreflyt.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;

/**
 * The baseline: the bare engine, configured as Purreflyt's (history level, job executor, connection pool), running a
 * model of Purreflyt's shape with delegates that do nothing but count. The same job boundaries (an asynchronous
 * decision, a timer, asynchronous prepare and deliver per notice; a credit controller's approval and an asynchronous
 * handover), the same case variables, the same messages a dunning subprocess listens for, and a payment that ends the
 * case through an event subprocess with an asynchronous step. What Purreflyt adds on top of this is its own work:
 * the rules, the letters, the e-mail, its tables.
 */
final class EngineAlone implements Subject {

    static final String PROCESS_ID = "dunning-baseline";
    private static final String[] NOTICES = {"Reminder", "Purring", "Inkassovarsel"};
    private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private final HikariDataSource dataSource;
    private final ProcessEngineConfigurationImpl configuration;
    private final ProcessEngine engine;
    private int cases;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    EngineAlone(String url, String user, String password, JobSettings jobs, int cases) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(jobs.connectionPool());
        dataSource.setAutoCommit(false);
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(jobs.corePoolSize());
        jobExecutor.setMaxPoolSize(jobs.maxPoolSize());
        jobExecutor.setQueueSize(jobs.queueCapacity());
        jobExecutor.setMaxJobsPerAcquisition(jobs.maxJobsPerAcquisition());
        jobExecutor.setWaitTimeInMillis((int) jobs.waitTimeMillis());
        jobExecutor.setMaxWait(jobs.maxWaitMillis());
        StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
        c.setDataSource(dataSource);
        c.setDatabaseSchemaUpdate("true");
        c.setHistory(jobs.historyLevel());
        c.setJobExecutor(jobExecutor);
        c.setJobExecutorActivate(false);
        c.setEnforceHistoryTimeToLive(false);
        c.setBeans(Map.of(
                "decide", (JavaDelegate) e -> {
                    count("decisions");
                    e.setVariable("nextStepAt", nextStepAt());
                },
                "prepare", (JavaDelegate) e -> count("prepared " + e.getCurrentActivityId()),
                "deliver", (JavaDelegate) e -> count("delivered " + e.getCurrentActivityId()),
                "handOver", (JavaDelegate) e -> count("handed over"),
                "closeCase", (JavaDelegate) e -> count("closed by payment")));
        configuration = c;
        engine = c.buildProcessEngine();
        createJobAcquisitionIndex();
        engine.getRepositoryService().createDeployment().name("baseline")
                .addModelInstance(PROCESS_ID + ".bpmn", model()).deploy();
        jobExecutor.start();
        this.cases = cases;
    }

    /**
     * The index Purreflyt creates on the job table's due date, here too: a database setting, not Purreflyt's work, so
     * the ratios compare the work per case. Without it, once the job table holds some 8 000 rows and the planner's
     * statistics know it, PostgreSQL's estimate for the acquisition poll passes {@code jit_above_cost} (100 000) and
     * every poll is JIT-compiled (15–20 ms): the bare engine started 24 cases per second at 10 000 cases
     * (benchmark/RESULTS.md, "Tuning").
     */
    private void createJobAcquisitionIndex() {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(no.purreflyt.process.JobAcquisitionIndex.CREATE);
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the job acquisition index for the engine alone", e);
        }
    }

    /** The next step at 11:00 a week after the current business day, so that every case's timer shares one moment. */
    private static java.util.Date nextStepAt() {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
        return java.util.Date.from(today.plusDays(7).atTime(11, 0).atZone(ZONE).toInstant());
    }

    static BpmnModelInstance model() {
        ProcessBuilder process = Bpmn.createExecutableProcess(PROCESS_ID).camundaHistoryTimeToLive(3650);
        AbstractFlowNodeBuilder<?, ?> dunning = process.startEvent("StartEvent_InvoiceOverdue")
                .subProcess("SubProcess_Dunning").embeddedSubProcess().startEvent("StartEvent_Dunning");
        for (String notice : NOTICES) {
            dunning = dunning
                    .serviceTask("Task_Decide" + notice).camundaAsyncBefore().camundaDelegateExpression("${decide}")
                    .intermediateCatchEvent("Event_" + notice + "Due").timerWithDate("${nextStepAt}")
                    .serviceTask("Task_Prepare" + notice).camundaAsyncBefore().camundaDelegateExpression("${prepare}")
                    .serviceTask("Task_Deliver" + notice).camundaAsyncBefore().camundaDelegateExpression("${deliver}");
        }
        BpmnModelInstance model = dunning
                .serviceTask("Task_DecideHandover").camundaAsyncBefore().camundaDelegateExpression("${decide}")
                .intermediateCatchEvent("Event_HandoverDue").timerWithDate("${nextStepAt}")
                .userTask("Task_ApproveHandover").camundaCandidateGroups("credit-controllers")
                .serviceTask("Task_HandOver").camundaAsyncBefore().camundaDelegateExpression("${handOver}")
                .endEvent("EndEvent_HandoverDone")
                .subProcessDone()
                .endEvent("EndEvent_DunningComplete")
                .done();
        // the messages Purreflyt's dunning subprocess listens for all the time
        for (String message : List.of("DisputeRaised", "CustomerBlocked", "PlanChanged")) {
            model.<org.camunda.bpm.model.bpmn.instance.SubProcess>getModelElementById("SubProcess_Dunning").builder()
                    .boundaryEvent("Event_" + message).message(message).endEvent("EndEvent_" + message);
        }
        process = model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(PROCESS_ID).builder();
        process.eventSubProcess("SubProcess_InvoiceSettled").startEvent("StartEvent_InvoiceSettled")
                .message("InvoiceSettled").interrupting(true)
                .serviceTask("Task_PrepareInterestInvoice").camundaAsyncBefore().camundaDelegateExpression("${closeCase}")
                .endEvent("EndEvent_Paid");
        process.eventSubProcess("SubProcess_InvoiceCredited").startEvent("StartEvent_InvoiceCredited")
                .message("InvoiceCredited").interrupting(true).endEvent("EndEvent_Credited");
        return model;
    }

    private void count(String what) {
        counters.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public String name() {
        return "engine alone";
    }

    @Override
    public ProcessEngineConfigurationImpl engine() {
        return configuration;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void load(int cases) {
        this.cases = cases;
    }

    /** One transaction per case, as Purreflyt's case starter; the same variables a Purreflyt case starts with. */
    @Override
    public int startCases() {
        var runtime = engine.getRuntimeService();
        for (int i = 0; i < cases; i++) {
            String number = Subject.invoiceNumber(i);
            VariableMap variables = Variables.createVariables()
                    .putValue("invoiceNumber", number)
                    .putValue("caseId", (long) i + 1)
                    .putValue("plan", "standard v1")
                    .putValue("customer", "Kunde " + i)
                    .putValue("customerExternalId", "BMC-" + i)
                    .putValue("stage", "OVERDUE")
                    .putValue("outstanding", Purreflyt.amount(i).toPlainString())
                    .putValue("currency", "NOK");
            runtime.createProcessInstanceByKey(PROCESS_ID).businessKey(number).setVariables(variables).execute();
        }
        return cases;
    }

    @Override
    public void moveClockTo(Instant moment) {
        ClockUtil.offset(Duration.between(Instant.now(), moment).toMillis());
        configuration.getJobExecutor().jobWasAdded();
    }

    @Override
    public Runnable payment(int i) {
        return () -> engine.getRuntimeService().createMessageCorrelation("InvoiceSettled")
                .processInstanceBusinessKey(Subject.invoiceNumber(i)).correlateWithResult();
    }

    @Override
    public void approveHandover(String taskId) {
        engine.getTaskService().complete(taskId, Variables.createVariables().putValue("decision", "APPROVE"));
    }

    @Override
    public Map<String, Long> outcome() {
        Map<String, Long> outcome = new LinkedHashMap<>();
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> outcome.put(e.getKey(), e.getValue().get()));
        return outcome;
    }

    @Override
    public void close() {
        configuration.getJobExecutor().shutdown();
        engine.close();
        dataSource.close();
        ClockUtil.reset();
    }
}
