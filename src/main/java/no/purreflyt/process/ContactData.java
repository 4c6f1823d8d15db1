package no.purreflyt.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.web.ProblemException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Fix contact data" ({@code ${contactData}}): on create, fills the form with the customer's e-mail and address; on
 * complete, saves what the credit controller entered to the customer, and refuses the completion while the customer
 * still cannot be reached.
 */
@Component("contactData")
class ContactData implements TaskListener {

    private static final String[] FIELDS = {"email", "addressLine1", "addressLine2", "postalCode", "city"};

    private final LedgerService ledger;
    private final ObjectMapper json;

    ContactData(LedgerService ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String customerId = ProcessVariables.CUSTOMER_EXTERNAL_ID.required(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Customer customer = ledger.customer(customerId);
            Customer.Address address = customer.address() != null ? customer.address()
                    : new Customer.Address(null, null, null, null);
            // on the case, not the task: what the form submits lands there too (a task-local copy would hide it)
            task.setVariable("email", customer.email());
            task.setVariable("addressLine1", address.line1());
            task.setVariable("addressLine2", address.line2());
            task.setVariable("postalCode", address.postalCode());
            task.setVariable("city", address.city());
            return;
        }
        ObjectNode patch = json.createObjectNode();
        patch.put("email", FormValues.text(task, "email"));
        ObjectNode address = patch.putObject("address");
        address.put("line1", FormValues.text(task, "addressLine1"));
        address.put("line2", FormValues.text(task, "addressLine2"));
        address.put("postalCode", FormValues.text(task, "postalCode"));
        address.put("city", FormValues.text(task, "city"));
        Customer updated;
        try {
            updated = ledger.patchCustomer(customerId, patch);
        } catch (ProblemException refused) {
            throw new BadUserRequestException(refused.getMessage() + refused.errors().stream()
                    .map(e -> " " + e.field() + ": " + e.message()).reduce("", String::concat));
        }
        if (!updated.reachable()) {
            throw new BadUserRequestException("Give an e-mail address or a full postal address (line 1, postal code "
                    + "and city); the customer still cannot be reached");
        }
        FormValues.forget(task, FIELDS);
        FormValues.forget(task, "note");
    }
}
