package no.purreflyt.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating any user task ({@code ${nameTask}}): names it for the inbox as "Review purring: F-1001 (Kari Nordmann)".
 * The model keeps the plain name ("Review purring"), which is what Cockpit and Modeler show on the diagram.
 */
@Component("nameTask")
class NameTask implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setName(task.getName() + ": " + ProcessVariables.INVOICE_NUMBER.required(task) + " ("
                + ProcessVariables.CUSTOMER.required(task) + ")");
    }
}
