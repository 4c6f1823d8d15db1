package no.purreflyt.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.web.GroupAuthorizations;
import no.purreflyt.web.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters a credit controller works from, created at start-up when missing (by name) and readable by
 * credit controllers and managers. Each lists the group's tasks of some kinds, claimed or not, soonest due first, with
 * the invoice, the debtor and the amount as columns. A filter an administrator edited in Tasklist is left as it is.
 */
@Component
@Order(20)
class TasklistFilters implements InitializingBean {

    /** Name, description, Tasklist's colour, and the task definition keys the filter lists. */
    record Definition(String name, String description, String color, List<String> taskKeys) {
    }

    static final List<Definition> FILTERS = List.of(
            new Definition("To review", "Reminders, purringer and inkassovarsler waiting for a controller's look before they go out",
                    "#2f6fb3", List.of(DunningModel.TASK_REVIEW_REMINDER, DunningModel.TASK_REVIEW_PURRING,
                            DunningModel.TASK_REVIEW_INKASSOVARSEL)),
            new Definition("Handover approvals", "Cases waiting for approval before they go to the collection agency",
                    "#b35c2f", List.of(DunningModel.TASK_APPROVE_HANDOVER)),
            new Definition("Disputes", "Invoices the debtor disputes: decide to credit, correct or go on",
                    "#a12f6a", List.of(DunningModel.TASK_RESOLVE_DISPUTE)),
            new Definition("Contact problems", "Debtors a letter could not reach: fix the address or e-mail",
                    "#6a6a2f", List.of(DunningModel.TASK_FIX_CONTACT_DATA)),
            // not asked for by name, but without it these two decisions would be in no filter of the controllers'
            new Definition("With the agency", "Withdrawal windows and payments that came after the handover",
                    "#2f8a5c", List.of(DunningModel.TASK_WITHDRAWAL_WINDOW, DunningModel.TASK_DECIDE_PAYMENT)));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void afterPropertiesSet() {
        int priority = 10;
        for (Definition definition : FILTERS) {
            // names are not unique in Camunda: an administrator may have copied one; every filter of the name is read
            List<Filter> named = filters.createFilterQuery().filterName(definition.name()).list();
            if (named.isEmpty()) {
                Filter filter = filters.newTaskFilter(definition.name())
                        .setQuery(query(definition))
                        .setProperties(properties(definition, priority));
                named = List.of(filters.saveFilter(filter));
            }
            for (Filter filter : named) {
                for (String group : List.of(Groups.CREDIT_CONTROLLERS, Groups.CREDIT_MANAGERS)) {
                    GroupAuthorizations.grant(authorizations, group,
                            new GroupAuthorizations.Grant(Resources.FILTER, filter.getId(), List.of(Permissions.READ)));
                }
            }
            priority += 10;
        }
    }

    private TaskQuery query(Definition definition) {
        return tasks.createTaskQuery()
                .taskCandidateGroup(Groups.CREDIT_CONTROLLERS)
                .includeAssignedTasks()
                .taskDefinitionKeyIn(definition.taskKeys().toArray(String[]::new))
                .orderByDueDate().asc();
    }

    private static Map<String, Object> properties(Definition definition, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("color", definition.color());
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                column(ProcessVariables.INVOICE_NUMBER.name(), "Invoice"),
                column(ProcessVariables.CUSTOMER.name(), "Debtor"),
                column(ProcessVariables.OUTSTANDING.name(), "Outstanding"),
                column(ProcessVariables.STAGE.name(), "Stage")));
        return properties;
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
