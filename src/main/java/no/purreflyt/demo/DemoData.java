package no.purreflyt.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.Customer;
import no.purreflyt.ledger.CustomerType;
import no.purreflyt.ledger.InvoiceRequest;
import no.purreflyt.ledger.LedgerService;
import no.purreflyt.process.CaseStarter;
import no.purreflyt.process.RunKind;
import no.purreflyt.web.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The embedded default's demo: one user per kind of person, customers of each kind in Norway and Sweden,
 * invoices overdue by different numbers of days, and a first dunning run, so Cockpit shows open cases
 * seconds after start-up. Idempotent: a restart adds nothing twice.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "purreflyt.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** user id = password, group, first name, last name */
    static final List<List<String>> USERS = List.of(
            List.of("demo", Groups.CAMUNDA_ADMIN, "Demo", "Admin"),
            List.of("controller", Groups.CREDIT_CONTROLLERS, "Kari", "Kontroll"),
            List.of("manager", Groups.CREDIT_MANAGERS, "Mona", "Leder"),
            List.of("designer", Groups.PROCESS_DESIGNERS, "Dag", "Designer"));

    private final IdentityService identity;
    private final LedgerService ledger;
    private final CaseStarter caseStarter;
    private final Clock clock;

    DemoData(IdentityService identity, LedgerService ledger, CaseStarter caseStarter, Clock clock) {
        this.identity = identity;
        this.ledger = ledger;
        this.caseStarter = caseStarter;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        createUsers();
        if (createCustomersAndInvoices()) {
            caseStarter.run(RunKind.STARTUP, "demo");
        }
    }

    private void createUsers() {
        for (List<String> u : USERS) {
            String id = u.get(0);
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(id);
                user.setFirstName(u.get(2));
                user.setLastName(u.get(3));
                user.setEmail(id + "@purreflyt.example");
                identity.saveUser(user);
                identity.createMembership(id, u.get(1));
            }
        }
    }

    private boolean createCustomersAndInvoices() {
        if (ledger.customerExists("DEMO-NO-C1")) {
            return false;
        }
        List<Customer> customers = List.of(
                // Kari has no e-mail address: her letters go by post, into the print queue (/api/letters?date=)
                customer("DEMO-NO-C1", "Kari Nordmann", CustomerType.CONSUMER, Country.NO, null,
                        "Storgata 1", "0155", "Oslo"),
                customer("DEMO-NO-B1", "Fjordbakst AS", CustomerType.BUSINESS, Country.NO, "faktura@fjordbakst.example",
                        "Bryggen 12", "5003", "Bergen"),
                customer("DEMO-SE-C1", "Sven Svensson", CustomerType.CONSUMER, Country.SE, "sven@example.se",
                        "Drottninggatan 5", "111 51", "Stockholm"),
                customer("DEMO-SE-B1", "Skärgårdsfisk AB", CustomerType.BUSINESS, Country.SE, "ekonomi@skargardsfisk.example",
                        "Hamngatan 3", "411 06", "Göteborg"));
        customers.forEach(ledger::createCustomer);
        LocalDate today = LocalDate.now(clock);
        int[] daysOverdue = {2, 10, 20, 35, 60};
        int sequence = 1;
        for (Customer c : customers) {
            for (int days : daysOverdue) {
                LocalDate due = today.minusDays(days);
                BigDecimal amount = new BigDecimal(1250 + 375 * sequence).setScale(2);
                ledger.createInvoice(new InvoiceRequest("DEMO-" + (10000 + sequence), c.externalId(), due.minusDays(14), due,
                        amount, c.country().currency(), null, false));
                sequence++;
            }
        }
        log.info("Demo data: {} customers and {} invoices, due 2 to 60 days ago", customers.size(), sequence - 1);
        return true;
    }

    private static Customer customer(String id, String name, CustomerType type, Country country, String email,
            String street, String postalCode, String city) {
        return new Customer(id, name, type, email, null, country, new Customer.Address(street, null, postalCode, city), null);
    }
}
