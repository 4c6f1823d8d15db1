package no.purreflyt.overview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import no.purreflyt.process.ProcessVariables;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds up the open dunning cases (our tables) with the incidents and tasks waiting (the engine's) into one
 * {@link Overview}, dated by the business clock.
 */
@Service
class OverviewService {

    /** The cases list shows this many; the totals count all. */
    static final int CASE_LIMIT = 50;
    static final int INCIDENT_LIMIT = 50;

    /** The stages in the order a case passes through them; any other stage follows in alphabetical order. */
    private static final List<String> STAGE_ORDER = List.of(ProcessVariables.Stage.OVERDUE, "REMINDER", "PURRING",
            "INKASSOVARSEL", ProcessVariables.Stage.HANDED_OVER, ProcessVariables.Stage.DISPUTED,
            ProcessVariables.Stage.BLOCKED, ProcessVariables.Stage.CONTACT_DATA_MISSING);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final Clock clock;
    private final String cockpit;
    /** "process definition id element id" → the element's name in the model; a deployed definition never changes */
    private final Map<String, String> elementNames = new ConcurrentHashMap<>();

    OverviewService(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, RepositoryService repository,
            Clock clock, CamundaBpmProperties camunda) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.clock = clock;
        this.cockpit = camunda.getWebapp().getApplicationPath() + "/app/cockpit/default/#/process-instance/";
    }

    private record OpenCase(String stage, String currency, BigDecimal outstanding, LocalDate dueDate) {
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        LocalDate today = LocalDate.now(clock);
        // One narrow row per open case, added up here rather than in SQL: the same code on PostgreSQL and on the
        // embedded H2, whose date arithmetic differs; even 100 000 open cases are a few megabytes.
        List<OpenCase> open = jdbc.sql("""
                        select d.stage, i.currency, i.outstanding, i.due_date
                        from dunning_case d join invoice i on i.id = d.invoice_id
                        where d.status = 'OPEN'""")
                .query((rs, n) -> new OpenCase(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class)))
                .list();

        Map<String, Acc> totals = new TreeMap<>();
        Map<String, Map<String, Acc>> byStage = new TreeMap<>(Comparator.comparingInt(OverviewService::stageRank)
                .thenComparing(Comparator.naturalOrder()));
        Map<AgeBucket, Map<String, Acc>> byAge = new TreeMap<>();
        for (OpenCase c : open) {
            totals.computeIfAbsent(c.currency(), k -> new Acc()).add(c.outstanding());
            byStage.computeIfAbsent(c.stage(), k -> new TreeMap<>()).computeIfAbsent(c.currency(), k -> new Acc())
                    .add(c.outstanding());
            AgeBucket bucket = AgeBucket.of(ChronoUnit.DAYS.between(c.dueDate(), today));
            byAge.computeIfAbsent(bucket, k -> new TreeMap<>()).computeIfAbsent(c.currency(), k -> new Acc())
                    .add(c.outstanding());
        }

        List<Overview.StageRow> stageRows = new ArrayList<>();
        byStage.forEach((stage, perCurrency) -> perCurrency.forEach((currency, acc) ->
                stageRows.add(new Overview.StageRow(stage, currency, acc.cases, acc.sum))));
        List<Overview.AgeRow> ageRows = new ArrayList<>();
        byAge.forEach((bucket, perCurrency) -> perCurrency.forEach((currency, acc) ->
                ageRows.add(new Overview.AgeRow(bucket.label(), currency, acc.cases, acc.sum))));
        List<Overview.Money> totalRows = totals.entrySet().stream()
                .map(e -> new Overview.Money(e.getKey(), e.getValue().cases, e.getValue().sum)).toList();

        return new Overview(today, open.size(), totalRows, stageRows, ageRows, runtime.createIncidentQuery().count(),
                incidents(), waitingTasks(), cases(today));
    }

    /** Oldest first (days overdue), then the largest; the first {@link #CASE_LIMIT}. */
    private List<Overview.CaseRow> cases(LocalDate today) {
        return jdbc.sql("""
                        select i.number, c.name, d.stage, i.due_date, i.outstanding, i.currency, d.process_instance_id
                        from dunning_case d join invoice i on i.id = d.invoice_id join customer c on c.id = i.customer_id
                        where d.status = 'OPEN'
                        order by i.due_date, i.outstanding desc, i.number
                        limit :limit""")
                .param("limit", CASE_LIMIT)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    String instance = rs.getString(7);
                    return new Overview.CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), due,
                            ChronoUnit.DAYS.between(due, today), rs.getBigDecimal(5), rs.getString(6), instance,
                            instance == null ? null : cockpitUrl(instance));
                })
                .list();
    }

    private List<Overview.IncidentRow> incidents() {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().asc()
                .listPage(0, INCIDENT_LIMIT);
        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> invoiceByInstance = new LinkedHashMap<>();
        if (!instanceIds.isEmpty()) {
            jdbc.sql("""
                            select d.process_instance_id, i.number
                            from dunning_case d join invoice i on i.id = d.invoice_id
                            where d.process_instance_id in (:ids)""")
                    .param("ids", instanceIds)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(e -> invoiceByInstance.put(e.getKey(), e.getValue()));
        }
        return incidents.stream().map(i -> new Overview.IncidentRow(i.getId(), i.getIncidentMessage(),
                        i.getActivityId(), elementName(i.getProcessDefinitionId(), i.getActivityId()),
                        invoiceByInstance.get(i.getProcessInstanceId()), i.getProcessInstanceId(),
                        i.getProcessInstanceId() == null ? null : cockpitUrl(i.getProcessInstanceId()),
                        i.getIncidentTimestamp().toInstant()))
                .toList();
    }

    /** Open user tasks by the model's task (not by the task's own name, which names the invoice). */
    private List<Overview.TaskRow> waitingTasks() {
        Instant now = clock.instant();
        Map<String, List<Task>> byKey = tasks.createTaskQuery().active().list().stream()
                .collect(Collectors.groupingBy(t -> t.getTaskDefinitionKey() == null ? "" : t.getTaskDefinitionKey(),
                        TreeMap::new, Collectors.toList()));
        List<Overview.TaskRow> rows = new ArrayList<>();
        byKey.forEach((key, waiting) -> {
            List<Duration> ages = waiting.stream()
                    .map(t -> toTheMinute(Duration.between(t.getCreateTime().toInstant(), now)))
                    .sorted()
                    .toList();
            rows.add(new Overview.TaskRow(key, taskName(waiting.get(0)), ages.size(),
                    ages.get(ages.size() - 1).toString(), median(ages).toString()));
        });
        // the kind with the longest wait first: that is where a manager looks
        rows.sort(Comparator.comparing((Overview.TaskRow r) -> Duration.parse(r.oldestAge())).reversed()
                .thenComparing(Overview.TaskRow::taskKey));
        return rows;
    }

    /** Ages to the nearest minute: a manager asks how long, not to the second. */
    static Duration toTheMinute(Duration age) {
        return age.isNegative() ? Duration.ZERO : age.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
    }

    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private String taskName(Task task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return task.getName();
        }
        return elementName(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /** The element's name in the deployed model, else its id. */
    private String elementName(String processDefinitionId, String elementId) {
        if (processDefinitionId == null || elementId == null) {
            return elementId;
        }
        return elementNames.computeIfAbsent(processDefinitionId + " " + elementId, k -> {
            FlowElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
            return element != null && element.getName() != null ? element.getName() : elementId;
        });
    }

    String cockpitUrl(String processInstanceId) {
        return cockpit + processInstanceId + "/runtime";
    }

    private static int stageRank(String stage) {
        int rank = STAGE_ORDER.indexOf(stage);
        return rank < 0 ? STAGE_ORDER.size() : rank;
    }

    /** Cases and their sum. */
    private static final class Acc {
        long cases;
        BigDecimal sum = BigDecimal.ZERO;

        void add(BigDecimal amount) {
            cases++;
            sum = sum.add(amount);
        }
    }
}
