package no.purreflyt.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The claim of an invoice on a day and the steps planned for it. */
@RestController
@RequestMapping("/api/invoices/{number}")
@Tag(name = "Claim", description = "What the debtor owes, computed from the legal tables, and what comes next")
class ClaimController {

    private final ClaimService claims;

    ClaimController(ClaimService claims) {
        this.claims = claims;
    }

    @GetMapping("/claim")
    @Operation(summary = "What the debtor owes on a day: principal, interest per rate period, fees, compensation, total")
    ClaimService.ClaimView claim(@PathVariable String number,
            @Parameter(description = "the day, such as 2026-03-31; today by the business clock when left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return claims.claim(number, on);
    }

    @GetMapping("/forecast")
    @Operation(summary = "The steps the plan will take: notice, earliest lawful business day, deadline, fee")
    ClaimService.ForecastView forecast(@PathVariable String number) {
        return claims.forecast(number);
    }
}
