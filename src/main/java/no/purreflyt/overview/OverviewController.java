package no.purreflyt.overview;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.purreflyt.web.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The manager's overview: {@code /overview} as a page behind the login (see {@link OverviewSecurity}), and
 * {@code /api/overview} with the same figures as JSON for our API's users.
 */
@Controller
class OverviewController {

    /**
     * Who sees the money of every case: credit managers, and the administrators. The page's login chain uses this list;
     * {@code /api/overview} is given the same groups in the API's rules (web/SecurityConfiguration).
     */
    static final List<String> READERS = List.of(Groups.CREDIT_MANAGERS, Groups.CAMUNDA_ADMIN);

    private final OverviewService service;

    OverviewController(OverviewService service) {
        this.service = service;
    }

    @GetMapping(path = "/api/overview", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Open cases and principal outstanding by stage and by days past due, incidents, tasks waiting "
            + "and the oldest cases with their Cockpit links, on the business date (credit managers, camunda-admin)")
    Overview api() {
        return service.overview();
    }

    @GetMapping({"/overview", "/overview/"})
    String page(Model model, Authentication user, CsrfToken csrf) {
        Overview overview = service.overview();
        model.addAttribute("user", user.getName());
        model.addAttribute("csrfParameter", csrf.getParameterName());
        model.addAttribute("csrfToken", csrf.getToken());
        model.addAttribute("businessDate", NorwegianFormat.date(overview.businessDate()));
        model.addAttribute("openCases", NorwegianFormat.count(overview.openCases()));
        model.addAttribute("totals", overview.totals().stream().map(t -> Map.of(
                "currency", t.currency(), "cases", NorwegianFormat.count(t.cases()),
                "outstanding", NorwegianFormat.money(t.outstanding(), t.currency()))).toList());
        model.addAttribute("byStage", overview.byStage().stream().map(r -> Map.of(
                "stage", r.stage(), "label", BarChart.label(r.stage()), "currency", r.currency(),
                "cases", NorwegianFormat.count(r.cases()),
                "outstanding", NorwegianFormat.money(r.outstanding(), r.currency()))).toList());
        model.addAttribute("byAge", overview.byAge().stream().map(r -> Map.of(
                "bucket", r.bucket(), "currency", r.currency(), "cases", NorwegianFormat.count(r.cases()),
                "outstanding", NorwegianFormat.money(r.outstanding(), r.currency()))).toList());
        model.addAttribute("charts", charts(overview));
        model.addAttribute("incidentCount", NorwegianFormat.count(overview.incidentCount()));
        model.addAttribute("incidents", overview.incidents().stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("invoiceNumber", i.invoiceNumber() == null ? "–" : i.invoiceNumber());
            row.put("message", i.message() == null ? "" : i.message());
            row.put("activityId", i.activityId() == null ? "" : i.activityId());
            row.put("activityName", i.activityName() == null ? "" : i.activityName());
            row.put("cockpitUrl", i.cockpitUrl() == null ? "" : i.cockpitUrl());
            return row;
        }).toList());
        model.addAttribute("tasks", overview.tasks().stream().map(t -> Map.of(
                "key", t.taskKey(), "name", t.name() == null ? t.taskKey() : t.name(),
                "count", NorwegianFormat.count(t.count()),
                "oldest", NorwegianFormat.age(Duration.parse(t.oldestAge())),
                "median", NorwegianFormat.age(Duration.parse(t.medianAge())))).toList());
        model.addAttribute("cases", overview.cases().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("invoiceNumber", c.invoiceNumber());
            row.put("customer", c.customer());
            row.put("stage", BarChart.label(c.stage()));
            row.put("dueDate", NorwegianFormat.date(c.dueDate()));
            row.put("daysOverdue", NorwegianFormat.count(c.daysOverdue()));
            row.put("outstanding", NorwegianFormat.money(c.outstanding(), c.currency()));
            row.put("cockpitUrl", c.cockpitUrl() == null ? "" : c.cockpitUrl());
            return row;
        }).toList());
        model.addAttribute("casesShown", overview.cases().size());
        return "overview/page";
    }

    private static List<Map<String, Object>> charts(Overview overview) {
        List<Map<String, Object>> charts = new ArrayList<>();
        overview.totals().forEach(total -> {
            BarChart chart = BarChart.of(total.currency(), overview.byStage());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("currency", chart.currency());
            c.put("width", chart.width());
            c.put("height", chart.height());
            c.put("baseline", chart.baseline());
            c.put("colour", BarChart.BAR_COLOUR);
            c.put("bars", chart.bars().stream().map(b -> Map.of(
                    "stage", b.stage(), "label", b.label(), "amount", b.amountText(),
                    "x", b.x(), "y", b.y(), "width", b.width(), "height", b.height(), "labelX", b.labelX())).toList());
            charts.add(c);
        });
        return charts;
    }
}
