package no.purreflyt.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;

import no.purreflyt.ledger.DunningCases;
import no.purreflyt.web.ConcurrentChange;
import no.purreflyt.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Claims with collection agencies: what went to the agency, taking it back, and the agencies' signed reports. */
@RestController
@RequestMapping("/api")
@Tag(name = "Collection", description = "Handovers to collection agencies, withdrawal, agency callbacks")
class CollectionController {

    /** Why a credit controller takes the claim back (the agency is told). */
    record WithdrawalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final CollectionService collections;
    private final AgencyCallbacks callbacks;
    private final DunningCases cases;

    CollectionController(CollectionService collections, AgencyCallbacks callbacks, DunningCases cases) {
        this.collections = collections;
        this.callbacks = callbacks;
        this.cases = cases;
    }

    @GetMapping("/invoices/{number}/handover")
    @Operation(summary = "The handover of the invoice's case: agency, what it got, the withdrawal window, how it ended")
    Handovers.Handover handover(@PathVariable String number) {
        return collections.find(cases.latestOf(number).id()).orElseThrow(() -> ProblemException.notFound(
                "Invoice " + number + " has not been handed over to a collection agency"));
    }

    @PostMapping("/invoices/{number}/withdraw")
    @Operation(summary = "Take the claim back from the collection agency at no cost, within the plan's withdrawal "
            + "window; the agency is told by the case's next job")
    ResponseEntity<Handovers.Handover> withdraw(@PathVariable String number, @Valid @RequestBody WithdrawalRequest request,
            Principal principal) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ConcurrentChange.retried(
                () -> collections.requestWithdrawal(number, request.reason().strip(), principal.getName())));
    }

    @PostMapping(value = "/agency-callbacks", consumes = "application/json")
    @Operation(summary = "An agency reports what it collected and whether it is done (PAID, PARTLY_PAID, "
            + "CLOSED_UNPAID); signed with the agency's secret, no login")
    AgencyCallbacks.Receipt callback(@RequestHeader(name = "X-Purreflyt-Agency", required = false) String agency,
            @RequestHeader(name = "X-Purreflyt-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Purreflyt-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        // the callback moves the case: a job of the same case running at that moment makes it run again
        return ConcurrentChange.retried(() -> callbacks.receive(agency, timestamp, signature, content));
    }
}
