package no.purreflyt.collection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The FILE agencies' batch files: {@code GET /api/agency-exports} lists the recent batches (a WRITING one has not
 * reached its directory yet), {@code POST /api/agency-exports} writes what waits now instead of at the next interval.
 */
@RestController
@RequestMapping("/api/agency-exports")
class AgencyExportController {

    private final AgencyExports exports;

    AgencyExportController(AgencyExports exports) {
        this.exports = exports;
    }

    @GetMapping
    List<AgencyExports.Batch> recent(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return exports.recent(limit);
    }

    /** Answers the batches this call wrote; an empty list when nothing waited. */
    @PostMapping
    List<AgencyExports.Batch> exportNow() {
        return exports.exportNow();
    }
}
