package no.purreflyt.posting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.purreflyt.web.FieldProblem;
import no.purreflyt.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The postings the accounting system fetches, per period, as JSON or CSV. */
@RestController
@RequestMapping("/api/postings")
@Tag(name = "Postings", description = "Double-entry postings of fees, interest, compensation, write-offs and handovers "
        + "for the creditor's accounting system")
class PostingController {

    /** A year, leap day included: enough for any closing, small enough that one request never reads everything. */
    static final int MAX_DAYS = 366;

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Postings postings;

    PostingController(Postings postings) {
        this.postings = postings;
    }

    @GetMapping
    @Operation(summary = "The postings dated from..to (both inclusive, at most 366 days), by date and then in the "
            + "order they were made; CSV (RFC 4180) with Accept: text/csv or format=csv")
    // the method answers ResponseEntity<?> (a list or a CSV text), so the API documentation is told both forms here
    @ApiResponse(responseCode = "200", description = "the postings", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Posting.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    example = "date,type,debitAccount,creditAccount,amount,currency,vatCode,invoiceNumber,"
                            + "customerExternalId,caseId,text,sourceKey"))})
    @ApiResponse(responseCode = "400", description = "a missing or invalid parameter, named in errors",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> postings(
            @Parameter(description = "first posting date, such as 2026-03-01") @RequestParam(required = false) String from,
            @Parameter(description = "last posting date, such as 2026-03-31") @RequestParam(required = false) String to,
            @Parameter(description = "csv or json; else the Accept header decides, JSON by default")
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        // dates as text, parsed here: a missing or malformed date is then a 400 naming its field, like any other
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            problems.add(FieldProblem.of("format", "'" + format + "' is not a format; allowed: csv, json"));
        }
        if (first != null && last != null) {
            if (first.isAfter(last)) {
                problems.add(FieldProblem.of("from", "is after to (" + first + " > " + last + ")"));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                problems.add(FieldProblem.of("to", "spans " + (ChronoUnit.DAYS.between(first, last) + 1)
                        + " days from " + first + "; at most " + MAX_DAYS + " days per request"));
            }
        }
        if (!problems.isEmpty()) {
            String detail = problems.size() == 1 ? "The parameter " + problems.get(0).field() + " " + problems.get(0).message()
                    : "Some parameters are invalid";
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail, problems);
        }
        List<Posting> found = postings.between(first, last);
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"postings-" + first + "-" + last + ".csv\"")
                    .body(PostingCsv.render(found));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "is required, a date such as 2026-03-01"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "'" + value + "' is not a valid date (YYYY-MM-DD)"));
            return null;
        }
    }

    /**
     * CSV when format=csv, or when the Accept header ranks text/csv above JSON (a wildcard counts as JSON, which stays
     * the default for browsers and clients that send none).
     */
    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.equals("csv");
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        // stable: among equal qualities the client's order decides
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
