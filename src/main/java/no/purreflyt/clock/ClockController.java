package no.purreflyt.clock;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Time travel for demos and tests; not mapped at all (404) unless the clock is adjustable. */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "purreflyt.clock.adjustable", havingValue = "true")
class ClockController {

    private final TimeTravel timeTravel;

    ClockController(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    @GetMapping
    BusinessTime current() {
        return BusinessTime.of(timeTravel.now());
    }

    @PostMapping
    @Operation(summary = "Set the business date or advance it by whole days; the engine's timers follow")
    BusinessTime move(@Valid @RequestBody ClockMove move) {
        ZonedDateTime now;
        if (move.date() != null) {
            now = move.time() != null ? timeTravel.setDateTime(move.date(), move.time()) : timeTravel.setDate(move.date());
        } else {
            now = timeTravel.advanceDays(move.advanceDays());
        }
        return BusinessTime.of(now);
    }

    /** date (optionally with a time of day, else the current one kept) or advanceDays. */
    record ClockMove(LocalDate date, LocalTime time, @Min(-3650) @Max(3650) Integer advanceDays) {
        @AssertTrue(message = "give either date or advanceDays, not both")
        boolean isExactlyOne() {
            return (date == null) != (advanceDays == null);
        }

        @AssertTrue(message = "time goes with date")
        boolean isTimeWithDate() {
            return time == null || date != null;
        }
    }

    record BusinessTime(LocalDate date, ZonedDateTime now) {
        static BusinessTime of(ZonedDateTime now) {
            return new BusinessTime(now.toLocalDate(), now);
        }
    }
}
