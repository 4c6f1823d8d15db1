package no.purreflyt.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import no.purreflyt.web.FieldProblem;
import no.purreflyt.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The letter texts a credit controller words: read one, save a new version (JSON {@code {"source": …}} or the template
 * file itself as text/plain), or go back to the built-in text. A text that does not render, or whose sample letter no
 * longer states what the law asks, is refused with FreeMarker's line and message.
 */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    record TemplateRequest(@NotNull @Size(min = 1, max = 100_000) String source) {
    }

    private final Letters letters;

    TemplateController(Letters letters) {
        this.letters = letters;
    }

    @GetMapping
    List<Letters.TemplateView> all() {
        return letters.all();
    }

    @GetMapping("/{kind}/{language}")
    Letters.TemplateView get(@PathVariable String kind, @PathVariable String language) {
        return known(() -> letters.view(kind, language));
    }

    @PutMapping(path = "/{kind}/{language}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Letters.TemplateView save(@PathVariable String kind, @PathVariable String language,
            @Valid @RequestBody TemplateRequest request, Principal principal) {
        return saved(kind, language, request.source(), principal);
    }

    @PutMapping(path = "/{kind}/{language}", consumes = MediaType.TEXT_PLAIN_VALUE)
    Letters.TemplateView saveText(@PathVariable String kind, @PathVariable String language, @RequestBody String source,
            Principal principal) {
        if (source.indexOf('\u0000') >= 0) {
            throw ProblemException.invalid("source", "the template text holds a NUL character");
        }
        if (source.isBlank() || source.length() > 100_000) {
            throw ProblemException.invalid("source", "a template text of 1 to 100000 characters");
        }
        return saved(kind, language, source, principal);
    }

    @DeleteMapping("/{kind}/{language}")
    Letters.TemplateView revert(@PathVariable String kind, @PathVariable String language, Principal principal) {
        return known(() -> letters.revert(kind, language, principal.getName()));
    }

    private Letters.TemplateView saved(String kind, String language, String source, Principal principal) {
        return known(() -> {
            try {
                return letters.save(kind, language, source, principal.getName());
            } catch (TemplateProblemException problem) {
                throw ProblemException.invalid("The template was not saved: " + problem.sentence(),
                        List.of(new FieldProblem(null, problem.line(), "source", problem.sentence())));
            }
        });
    }

    private static Letters.TemplateView known(java.util.function.Supplier<Letters.TemplateView> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.notFound("No such template: " + unknown.getMessage());
        }
    }
}
