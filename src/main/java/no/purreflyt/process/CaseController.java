package no.purreflyt.process;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.security.Principal;
import java.util.List;
import no.purreflyt.collection.CollectionService;
import no.purreflyt.collection.Handovers;
import no.purreflyt.ledger.Dispute;
import no.purreflyt.ledger.Disputes;
import no.purreflyt.notice.Notice;
import no.purreflyt.notice.NoticeHistory;
import no.purreflyt.ledger.DunningCase;
import no.purreflyt.ledger.DunningCases;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dunning runs and the case of an invoice. */
@RestController
@RequestMapping("/api")
@Tag(name = "Dunning", description = "Dunning runs and cases")
class CaseController {

    private final CaseStarter starter;
    private final DunningCases cases;
    private final NoticeHistory notices;
    private final Disputes disputes;
    private final NextRun nextRun;
    private final PlanMigration migration;
    private final CollectionService collections;

    CaseController(CaseStarter starter, DunningCases cases, NoticeHistory notices, Disputes disputes, NextRun nextRun,
            PlanMigration migration, CollectionService collections) {
        this.collections = collections;
        this.nextRun = nextRun;
        this.migration = migration;
        this.starter = starter;
        this.cases = cases;
        this.notices = notices;
        this.disputes = disputes;
    }

    /** A case with its notices (oldest first) and the invoice's open dispute, if any. */
    record CaseView(@JsonUnwrapped DunningCase dunningCase, List<Notice> notices, Dispute openDispute,
            Handovers.Handover handover) {
    }

    @PostMapping("/dunning-runs")
    @Operation(summary = "Run the case starter now: start a case for every eligible overdue invoice")
    CaseStarter.RunResult run(Principal principal) {
        // only a scheduled run can find its day already taken; a manual run always runs
        return starter.run(RunKind.MANUAL, principal.getName()).orElseThrow();
    }

    @GetMapping("/dunning-runs/next")
    @Operation(summary = "The next automatic run before it happens: its day, and how many reminders, purringer, "
            + "inkassovarsler and handovers it will send or ask a person to review, for how much money")
    NextRun.Preview next() {
        return nextRun.preview();
    }

    @PostMapping("/plans/{key}/migrations")
    @Operation(summary = "Move running cases of a plan to its latest version: {\"invoiceNumbers\": [...]} or "
            + "{\"fromVersions\": [1]}, or {} for every case on an older version; reports what moved and why not")
    PlanMigration.Report migrate(@PathVariable String key, @RequestBody PlanMigration.Request request,
            Principal principal) {
        return migration.move(key, request, principal.getName());
    }

    @GetMapping("/invoices/{number}/case")
    @Operation(summary = "The invoice's dunning case (the open one, else the latest): stage, notices with their fees, "
            + "open dispute, outcome, process instance")
    CaseView dunningCase(@PathVariable String number) {
        DunningCase dunningCase = cases.latestOf(number);
        return new CaseView(dunningCase, notices.of(dunningCase.id()), disputes.openDispute(number).orElse(null),
                collections.find(dunningCase.id()).orElse(null));
    }
}
