package no.purreflyt.process;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dunning runs and the case of an invoice. */
@RestController
@RequestMapping("/api")
@Tag(name = "Dunning", description = "Dunning runs and cases")
class CaseController {

    private final CaseStarter starter;
    private final DunningCases cases;

    CaseController(CaseStarter starter, DunningCases cases) {
        this.starter = starter;
        this.cases = cases;
    }

    @PostMapping("/dunning-runs")
    @Operation(summary = "Run the case starter now: start a case for every eligible overdue invoice")
    CaseStarter.RunResult run(Principal principal) {
        // only a scheduled run can find its day already taken; a manual run always runs
        return starter.run(RunKind.MANUAL, principal.getName()).orElseThrow();
    }

    @GetMapping("/invoices/{number}/case")
    @Operation(summary = "The invoice's dunning case (the open one, else the latest): stage, outcome, process instance")
    DunningCase dunningCase(@PathVariable String number) {
        return cases.latestOf(number);
    }
}
