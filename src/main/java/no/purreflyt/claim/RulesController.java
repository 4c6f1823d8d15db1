package no.purreflyt.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;

import no.purreflyt.rules.Confidence;
import no.purreflyt.rules.RuleTables;
import no.purreflyt.rules.Regimes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The legal tables in force, row by row with source and confidence, so an operator sees what an update did. */
@RestController
@Tag(name = "Claim")
class RulesController {

    private final RuleTables tables;
    private final Regimes regimes;

    RulesController(RuleTables tables, Regimes regimes) {
        this.tables = tables;
        this.regimes = regimes;
    }

    record Row(LocalDate from, LocalDate to, Object value, String source, Confidence confidence, String origin) {
    }

    record Table(String name, List<Row> rows) {
    }

    record Rules(LocalDate newInkassolovFrom, List<Table> tables) {
    }

    @GetMapping("/api/rules")
    @Operation(summary = "The legal tables in force (shipped rows and the operator's), with source and confidence")
    Rules rules() {
        return new Rules(regimes.newInkassolovFrom(), tables.all().stream()
                .map(table -> new Table(table.name(), table.rows().stream()
                        .map(r -> new Row(r.from(), r.to(), r.value(), r.source(), r.confidence(), r.origin()))
                        .toList()))
                .toList());
    }
}
