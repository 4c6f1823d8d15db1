package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conventions every model in {@code processes/} and every form in {@code forms/} follows, so that a
 * process designer's change in Modeler that breaks one fails here, naming the file, the element and the rule.
 * Each rule is a static method returning its violations, so it can be run on any model.
 */
class ModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Path TEMPLATES = Path.of(".camunda", "element-templates");

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /** Templates of tasks that talk to the outside world: they run as their own job and are retried. */
    static final Set<String> OUTBOUND_TEMPLATES = Set.of("no.purreflyt.DeliverNotice", "no.purreflyt.HandOver",
            "no.purreflyt.TellAgency");

    /** The form-js components Camunda 7.24 Tasklist renders (form-js 1.8, schemaVersion 16). */
    static final Set<String> TASKLIST_COMPONENTS = Set.of(
            "textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio", "select", "taglist",
            "expression", "text", "html", "image", "button", "spacer", "separator", "group", "dynamiclist",
            "iframe", "table");

    /** Components that show or arrange rather than take input, so they carry no key. */
    static final Set<String> NON_INPUT_COMPONENTS = Set.of(
            "text", "html", "image", "button", "spacer", "separator", "group", "dynamiclist", "iframe", "table");

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{.+}", Pattern.DOTALL);
    private static final Pattern FORM_ID = Pattern.compile("Form_[A-Za-z]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- tests

    @Test
    void theModelsFormsAndTemplatesAreWhereTheyAreRead() {
        assertThat(files(PROCESSES, ".bpmn")).as("BPMN models in %s", PROCESSES).isNotEmpty();
        assertThat(files(FORMS, ".form")).as("forms in %s", FORMS).isNotEmpty();
        assertThat(files(TEMPLATES, ".json")).as("element templates in %s", TEMPLATES).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicNode> bpmnModels() {
        Context context = Context.load();
        return files(PROCESSES, ".bpmn").stream().<DynamicNode>map(path -> {
            String file = display(path);
            Supplier<BpmnModelInstance> model = memoize(() -> readBpmn(path));
            return dynamicContainer(file, BPMN_RULES.entrySet().stream().map(rule -> dynamicTest(rule.getKey(),
                    () -> assertNoViolations(rule.getValue().check(file, model.get(), context)))));
        });
    }

    @TestFactory
    Stream<DynamicNode> dmnModels() {
        return files(PROCESSES, ".dmn").stream().<DynamicNode>map(path -> dynamicTest(display(path),
                () -> assertNoViolations(decisionHistoryTimeToLive(display(path), readDmn(path)))));
    }

    @TestFactory
    Stream<DynamicNode> forms() {
        return files(FORMS, ".form").stream().<DynamicNode>map(path -> dynamicTest(display(path),
                () -> assertNoViolations(formConventions(display(path), readText(path)))));
    }

    @Test
    void formIdsAreUniqueAcrossForms() {
        assertNoViolations(uniqueFormIds(files(FORMS, ".form")));
    }

    @TestFactory
    Stream<DynamicNode> elementTemplates() {
        return files(TEMPLATES, ".json").stream().<DynamicNode>map(path -> dynamicTest(display(path),
                () -> assertNoViolations(templateConventions(display(path), readText(path)))));
    }

    // ---------------------------------------------------------------- BPMN rules

    @FunctionalInterface
    interface BpmnRule {
        List<String> check(String file, BpmnModelInstance model, Context context);
    }

    static final Map<String, BpmnRule> BPMN_RULES = new LinkedHashMap<>();

    static {
        BPMN_RULES.put("executable processes have camunda:historyTimeToLive", (f, m, c) -> historyTimeToLive(f, m));
        BPMN_RULES.put("flow nodes have a name", (f, m, c) -> names(f, m));
        BPMN_RULES.put("ids start with the prefix of their type", (f, m, c) -> idPrefixes(f, m));
        BPMN_RULES.put("service tasks call a bean through their element template", ModelConventionsTest::serviceTasks);
        BPMN_RULES.put("outbound service tasks are async with a retry cycle", ModelConventionsTest::outboundTasks);
        BPMN_RULES.put("names are plain text: Cockpit and Modeler show them as written",
                (f, m, c) -> plainNames(f, m));
        BPMN_RULES.put("user tasks have a form, candidate groups, a due date and a complete listener",
                ModelConventionsTest::userTasks);
        BPMN_RULES.put("timers wait until a date given by an expression", (f, m, c) -> timers(f, m));
        BPMN_RULES.put("flows leaving a diverging exclusive gateway are named and conditional or default",
                (f, m, c) -> gatewayFlows(f, m));
        BPMN_RULES.put("referenced messages exist and have a name", (f, m, c) -> messages(f, m));
        BPMN_RULES.put("referenced errors exist and have an errorCode", (f, m, c) -> errors(f, m));
    }

    static List<String> historyTimeToLive(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
                violations.add(violation(file, process.getId(), "an executable process needs camunda:historyTimeToLive"));
            }
        }
        return violations;
    }

    static List<String> plainNames(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element.getName() != null && (element.getName().contains("${") || element.getName().contains("#{"))) {
                violations.add(violation(file, element.getId(), "the name " + quoted(element.getName())
                        + " holds an expression, which the diagram shows raw; name tasks for the inbox in a listener"));
            }
        }
        return violations;
    }

    static List<String> names(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (isBlank(node.getName()) && !isConvergingOnlyExclusiveGateway(node)) {
                violations.add(violation(file, node.getId(), "a flow node needs a name a credit controller understands"));
            }
        }
        return violations;
    }

    static List<String> idPrefixes(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        List<ModelElementInstance> elements = new ArrayList<>(model.getModelElementsByType(FlowElement.class));
        elements.addAll(model.getModelElementsByType(Message.class));
        elements.addAll(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class));
        for (ModelElementInstance element : elements) {
            String prefix = idPrefix(element);
            String id = element.getAttributeValue("id");
            if (prefix != null && (id == null || !id.matches(Pattern.quote(prefix) + "[A-Za-z0-9_]+"))) {
                violations.add(violation(file, id, "the id of a bpmn:" + element.getElementType().getTypeName()
                        + " is " + prefix + "<Name>"));
            }
        }
        return violations;
    }

    static List<String> serviceTasks(String file, BpmnModelInstance model, Context context) {
        List<String> violations = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String expression = task.getCamundaDelegateExpression();
            if (expression == null || !BEAN_EXPRESSION.matcher(expression).matches()) {
                violations.add(violation(file, task.getId(),
                        "a service task needs camunda:delegateExpression=\"${bean}\", has " + quoted(expression)));
            }
            String templateId = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
            if (isBlank(templateId)) {
                violations.add(violation(file, task.getId(), "a service task needs camunda:modelerTemplate"));
                continue;
            }
            String version = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion");
            Template template = context.template(templateId, version);
            if (template == null) {
                violations.add(violation(file, task.getId(), "camunda:modelerTemplate " + quoted(templateId)
                        + (version == null ? "" : " version " + version) + " is not in " + TEMPLATES));
            } else if (!template.delegateExpression().equals(expression)) {
                violations.add(violation(file, task.getId(), "camunda:delegateExpression " + quoted(expression)
                        + " differs from " + quoted(template.delegateExpression()) + " of template " + templateId));
            }
        }
        return violations;
    }

    static List<String> outboundTasks(String file, BpmnModelInstance model, Context context) {
        List<String> violations = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String templateId = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
            Template template = context.template(templateId, task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"));
            boolean outbound = OUTBOUND_TEMPLATES.contains(templateId);
            if (!outbound && (template == null || !template.asyncBefore())) {
                continue;
            }
            // a template that binds asyncBefore (a transaction boundary on purpose) must keep it in the model
            if (!task.isCamundaAsyncBefore()) {
                violations.add(violation(file, task.getId(), (outbound ? "an outbound task (" : "a task of the async template (")
                        + templateId + ") needs camunda:asyncBefore=\"true\""));
            }
            if (outbound && extensions(task, CamundaFailedJobRetryTimeCycle.class).stream().allMatch(c -> isBlank(c.getTextContent()))) {
                violations.add(violation(file, task.getId(), "an outbound task (" + templateId + ") needs a camunda:failedJobRetryTimeCycle"));
            }
        }
        return violations;
    }

    static List<String> userTasks(String file, BpmnModelInstance model, Context context) {
        List<String> violations = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (isBlank(formRef)) {
                violations.add(violation(file, task.getId(), "a user task needs camunda:formRef"));
            } else if (!context.formIds().contains(formRef)) {
                violations.add(violation(file, task.getId(), "camunda:formRef " + quoted(formRef)
                        + " is not the id of a form in " + FORMS + " " + context.formIds()));
            }
            if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                violations.add(violation(file, task.getId(), "a user task needs camunda:formRefBinding=\"deployment\", has "
                        + quoted(task.getCamundaFormRefBinding())));
            }
            if (isBlank(task.getCamundaCandidateGroups())) {
                violations.add(violation(file, task.getId(), "a user task needs camunda:candidateGroups"));
            }
            if (isBlank(task.getCamundaDueDate())) {
                violations.add(violation(file, task.getId(), "a user task needs camunda:dueDate"));
            }
            if (extensions(task, CamundaTaskListener.class).stream().noneMatch(l -> "complete".equals(l.getCamundaEvent()))) {
                violations.add(violation(file, task.getId(), "a user task needs a camunda:taskListener on \"complete\""));
            }
            // the inbox name carries invoice and customer; the model's name stays plain for the diagram
            if (extensions(task, CamundaTaskListener.class).stream().noneMatch(l -> "create".equals(l.getCamundaEvent())
                    && "${nameTask}".equals(l.getCamundaDelegateExpression()))) {
                violations.add(violation(file, task.getId(), "a user task needs the camunda:taskListener ${nameTask} on "
                        + "\"create\" (it names the task with invoice and customer)"));
            }
        }
        return violations;
    }

    static List<String> timers(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            String owner = ownerId(timer);
            if (timer.getTimeDuration() != null || timer.getTimeCycle() != null) {
                violations.add(violation(file, owner, "a timer waits until a timeDate, not a timeDuration or timeCycle"));
            }
            String date = timer.getTimeDate() == null ? null : timer.getTimeDate().getTextContent().trim();
            if (date == null || !EXPRESSION.matcher(date).matches()) {
                violations.add(violation(file, owner, "a timer's timeDate is an expression ${...}, has " + quoted(date)));
            }
        }
        return violations;
    }

    static List<String> gatewayFlows(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() < 2) {
                continue;
            }
            for (SequenceFlow flow : gateway.getOutgoing()) {
                if (isBlank(flow.getName())) {
                    violations.add(violation(file, flow.getId(), "a flow leaving diverging gateway " + gateway.getId()
                            + " needs a name (the answer)"));
                }
                ConditionExpression condition = flow.getConditionExpression();
                boolean conditional = condition != null && !isBlank(condition.getTextContent());
                if (!conditional && flow != gateway.getDefault()) {
                    violations.add(violation(file, flow.getId(), "a flow leaving diverging gateway " + gateway.getId()
                            + " needs a condition or must be the gateway's default"));
                }
            }
        }
        return violations;
    }

    static List<String> messages(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
            String owner = ownerId(definition);
            String ref = definition.getAttributeValue("messageRef");
            if (isBlank(ref)) {
                if (definition.getParentElement() instanceof CatchEvent) {
                    violations.add(violation(file, owner, "a message event that waits needs a messageRef"));
                }
                continue;
            }
            checkMessage(file, owner, ref, model, violations);
        }
        List<ModelElementInstance> tasks = new ArrayList<>(model.getModelElementsByType(ReceiveTask.class));
        tasks.addAll(model.getModelElementsByType(SendTask.class));
        for (ModelElementInstance task : tasks) {
            String ref = task.getAttributeValue("messageRef");
            if (!isBlank(ref)) {
                checkMessage(file, task.getAttributeValue("id"), ref, model, violations);
            }
        }
        return violations;
    }

    static List<String> errors(String file, BpmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (ErrorEventDefinition definition : model.getModelElementsByType(ErrorEventDefinition.class)) {
            String owner = ownerId(definition);
            String ref = definition.getAttributeValue("errorRef");
            if (isBlank(ref)) {
                if (definition.getParentElement() instanceof EndEvent) {
                    violations.add(violation(file, owner, "an error end event needs an errorRef"));
                }
                continue;
            }
            ModelElementInstance error = model.getModelElementById(ref);
            if (!(error instanceof org.camunda.bpm.model.bpmn.instance.Error e)) {
                violations.add(violation(file, owner, "errorRef " + quoted(ref) + " is not an error of the model"));
            } else if (isBlank(e.getErrorCode())) {
                violations.add(violation(file, ref, "an error referenced by " + owner + " needs an errorCode"));
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- DMN, forms, templates

    static List<String> decisionHistoryTimeToLive(String file, DmnModelInstance model) {
        List<String> violations = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                violations.add(violation(file, decision.getId(), "a decision needs camunda:historyTimeToLive"));
            }
        }
        return violations;
    }

    static List<String> formConventions(String file, String content) {
        List<String> violations = new ArrayList<>();
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (IOException e) {
            return List.of(violation(file, "-", "a form is JSON: " + e.getMessage()));
        }
        String formId = form.path("id").asText(null);
        if (formId == null || !FORM_ID.matcher(formId).matches()) {
            violations.add(violation(file, formId, "a form's id matches " + FORM_ID));
        }
        if (!form.path("components").isArray()) {
            violations.add(violation(file, formId, "a form has a components array"));
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode component : components(form)) {
            String type = component.path("type").asText("");
            String id = component.path("id").asText("");
            String where = id.isBlank() ? formId + "/" + type + " component" : id;
            if (id.isBlank()) {
                violations.add(violation(file, where, "a component needs an id"));
            } else if (!ids.add(id)) {
                violations.add(violation(file, id, "component ids are unique within a form"));
            }
            if (!TASKLIST_COMPONENTS.contains(type)) {
                violations.add(violation(file, where, "component type " + quoted(type)
                        + " is not one Camunda 7.24 Tasklist renders (form-js 1.8)"));
            }
            if (!NON_INPUT_COMPONENTS.contains(type) && component.path("key").asText("").isBlank()) {
                violations.add(violation(file, where, "an input component (" + type + ") needs a key"));
            }
        }
        return violations;
    }

    static List<String> uniqueFormIds(List<Path> forms) {
        Map<String, String> fileById = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Path path : forms) {
            String id = formId(path);
            String other = id == null ? null : fileById.putIfAbsent(id, display(path));
            if (other != null) {
                violations.add(violation(display(path), id, "form ids are unique across " + FORMS + ", also in " + other));
            }
        }
        return violations;
    }

    static List<String> templateConventions(String file, String content) {
        List<String> violations = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            return List.of(violation(file, "-", "element templates are JSON: " + e.getMessage()));
        }
        for (JsonNode node : templateNodes(root)) {
            String id = node.path("id").asText("");
            if (!id.matches("no\\.purreflyt\\.[A-Z][A-Za-z]+")) {
                violations.add(violation(file, id, "a template id is no.purreflyt.<Name>"));
            }
            if (node.path("version").asInt(0) < 1) {
                violations.add(violation(file, id, "a template has a version"));
            }
            if (!node.path("appliesTo").toString().contains("\"bpmn:ServiceTask\"")) {
                violations.add(violation(file, id, "a template applies to bpmn:ServiceTask"));
            }
            Template template = Template.of(node);
            if (template.delegateExpression() == null
                    || !BEAN_EXPRESSION.matcher(template.delegateExpression()).matches()) {
                violations.add(violation(file, id, "a template binds camunda:delegateExpression to ${bean}"));
            }
            if (OUTBOUND_TEMPLATES.contains(id) && !template.asyncBefore()) {
                violations.add(violation(file, id, "an outbound template binds camunda:asyncBefore to true"));
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- what models are checked against

    /** One element template: its id, version, the delegate expression it sets and whether it sets asyncBefore. */
    record Template(String id, int version, String delegateExpression, boolean asyncBefore) {

        static Template of(JsonNode node) {
            String expression = null;
            boolean async = false;
            for (JsonNode property : node.path("properties")) {
                JsonNode binding = property.path("binding");
                if (!"property".equals(binding.path("type").asText())) {
                    continue;
                }
                switch (binding.path("name").asText()) {
                    case "camunda:delegateExpression" -> expression = property.path("value").asText(null);
                    case "camunda:asyncBefore" -> async = property.path("value").asText().equals("true");
                    default -> { }
                }
            }
            return new Template(node.path("id").asText(""), node.path("version").asInt(0), expression, async);
        }
    }

    /** The element templates (by id) and the form ids a model may refer to. */
    record Context(Map<String, List<Template>> templates, Set<String> formIds) {

        static Context load() {
            Map<String, List<Template>> templates = new HashMap<>();
            for (Path path : files(TEMPLATES, ".json")) {
                try {
                    JsonNode root = JSON.readTree(readText(path));
                    for (JsonNode node : templateNodes(root)) {
                        Template template = Template.of(node);
                        templates.computeIfAbsent(template.id(), id -> new ArrayList<>()).add(template);
                    }
                } catch (IOException e) {
                    // reported by elementTemplates()
                }
            }
            Set<String> formIds = new HashSet<>();
            for (Path path : files(FORMS, ".form")) {
                String id = formId(path);
                if (id != null) {
                    formIds.add(id);
                }
            }
            return new Context(templates, formIds);
        }

        /** The template with that id and version, or the newest with that id when no version is given. */
        Template template(String id, String version) {
            List<Template> versions = id == null ? List.of() : templates.getOrDefault(id, List.of());
            return versions.stream()
                    .filter(t -> version == null || String.valueOf(t.version()).equals(version))
                    .max((a, b) -> Integer.compare(a.version(), b.version()))
                    .orElse(null);
        }
    }

    // ---------------------------------------------------------------- helpers

    static String violation(String file, String elementId, String rule) {
        return file + " " + elementId + ": " + rule;
    }

    static void assertNoViolations(List<String> violations) {
        assertThat(violations).withFailMessage("%d convention violation(s):%n  %s", violations.size(),
                String.join(System.lineSeparator() + "  ", violations)).isEmpty();
    }

    static String idPrefix(ModelElementInstance element) {
        if (element instanceof StartEvent) {
            return "StartEvent_";
        } else if (element instanceof EndEvent) {
            return "EndEvent_";
        } else if (element instanceof IntermediateCatchEvent || element instanceof IntermediateThrowEvent
                || element instanceof BoundaryEvent) {
            return "Event_";
        } else if (element instanceof Task) {
            return "Task_";
        } else if (element instanceof SubProcess) {
            return "SubProcess_";
        } else if (element instanceof Gateway) {
            return "Gateway_";
        } else if (element instanceof SequenceFlow) {
            return "Flow_";
        } else if (element instanceof Message) {
            return "Message_";
        } else if (element instanceof org.camunda.bpm.model.bpmn.instance.Error) {
            return "Error_";
        }
        return null;
    }

    private static boolean isConvergingOnlyExclusiveGateway(FlowNode node) {
        return node instanceof ExclusiveGateway && node.getIncoming().size() > 1 && node.getOutgoing().size() <= 1;
    }

    private static void checkMessage(String file, String owner, String ref, BpmnModelInstance model, List<String> violations) {
        ModelElementInstance message = model.getModelElementById(ref);
        if (!(message instanceof Message m)) {
            violations.add(violation(file, owner, "messageRef " + quoted(ref) + " is not a message of the model"));
        } else if (isBlank(m.getName())) {
            violations.add(violation(file, ref, "a message referenced by " + owner + " needs a name to correlate by"));
        }
    }

    private static <T extends ModelElementInstance> Collection<T> extensions(FlowNode node, Class<T> type) {
        ExtensionElements extensions = node.getExtensionElements();
        return extensions == null ? List.of() : extensions.getChildElementsByType(type);
    }

    /** The id of the nearest enclosing element that has one (a timer's or event definition's event). */
    private static String ownerId(ModelElementInstance element) {
        for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
            String id = e.getAttributeValue("id");
            if (id != null) {
                return id;
            }
        }
        return element.getAttributeValue("id");
    }

    /** A template file holds one template or an array of them. */
    private static List<JsonNode> templateNodes(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        return nodes;
    }

    private static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    private static String formId(Path path) {
        try {
            return JSON.readTree(readText(path)).path("id").asText(null);
        } catch (IOException e) {
            return null; // reported by forms()
        }
    }

    static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BpmnModelInstance readBpmn(Path path) {
        try {
            return Bpmn.readModelFromFile(path.toFile());
        } catch (RuntimeException e) {
            throw new AssertionError(display(path) + " is not a valid BPMN model: " + e.getMessage(), e);
        }
    }

    private static DmnModelInstance readDmn(Path path) {
        try {
            return Dmn.readModelFromFile(path.toFile());
        } catch (RuntimeException e) {
            throw new AssertionError(display(path) + " is not a valid DMN model: " + e.getMessage(), e);
        }
    }

    static String readText(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
