package no.purreflyt.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.purreflyt.ledger.Country;
import no.purreflyt.ledger.Language;
import no.purreflyt.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter texts in force and the writing of letters with them. A text comes from the API's latest saved version,
 * else the configured directory, else the built-in file. A text is saved only when it renders a sample letter to a
 * Norwegian and to a Swedish debtor and both still state what the law asks.
 */
@Service
public class Letters {

    private static final Logger log = LoggerFactory.getLogger(Letters.class);

    /** A template as the API shows it. */
    public record TemplateView(String kind, String language, String origin, Integer apiVersion, String version,
            String source, String savedBy, Instant savedAt) {
    }

    private final LetterTemplates templates;
    private final TemplateRepository saved;
    private final CreditorProperties creditor;
    private final LetterTemplates.Logo logo;
    private final Clock clock;

    Letters(NoticeProperties properties, TemplateRepository saved, CreditorProperties creditor, Clock clock) {
        this.templates = new LetterTemplates(properties.templateDirectory());
        this.saved = saved;
        this.creditor = creditor;
        this.logo = logo(creditor.logo());
        this.clock = clock;
        checkDirectory(properties.templateDirectory());
    }

    /** The text in force for a kind and language. */
    @Transactional(readOnly = true)
    TemplateText current(TemplateKind kind, Language language) {
        return saved.latest(kind, language).filter(s -> s.source() != null)
                .map(s -> new TemplateText(kind, language, TemplateText.Origin.API, s.version(), s.source()))
                .orElseGet(() -> templates.fileText(kind, language));
    }

    /** Writes a letter with the text in force. */
    RenderedLetter write(LetterFacts facts) {
        return templates.render(current(facts.kind(), facts.language()), facts, logo);
    }

    LetterTemplates.Logo logo() {
        return logo;
    }

    @Transactional(readOnly = true)
    public List<TemplateView> all() {
        List<TemplateView> views = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            for (Language language : Language.values()) {
                views.add(view(kind, language, false));
            }
        }
        return views;
    }

    @Transactional(readOnly = true)
    public TemplateView view(String kind, String language) {
        return view(TemplateKind.parse(kind), Language.of(language), true);
    }

    /**
     * Saves a new version of a text after trying it on the sample letters.
     *
     * @throws TemplateProblemException naming the line and FreeMarker's message, or what the letter no longer states
     */
    @Transactional
    public TemplateView save(String kindText, String languageText, String source, String by) {
        TemplateKind kind = TemplateKind.parse(kindText);
        Language language = Language.of(languageText);
        TemplateText candidate = new TemplateText(kind, language, TemplateText.Origin.API, 0, source);
        tryOnSamples(candidate);
        try {
            int version = saved.save(kind, language, source, by, clock.instant());
            log.info("Template {} saved as version {} by {}", candidate.fileName(), version, by);
        } catch (DuplicateKeyException concurrent) {
            throw ProblemException.conflict("source", "Someone else saved " + candidate.fileName()
                    + " at the same moment; read it again and repeat your change");
        }
        return view(kind, language, true);
    }

    /** Goes back to the directory's or the built-in text (the saved versions stay on record). */
    @Transactional
    public TemplateView revert(String kindText, String languageText, String by) {
        TemplateKind kind = TemplateKind.parse(kindText);
        Language language = Language.of(languageText);
        saved.save(kind, language, null, by, clock.instant());
        log.info("Template {} set back to the {} text by {}", TemplateText.fileName(kind, language),
                templates.fileText(kind, language).origin() == TemplateText.Origin.DIRECTORY ? "directory's" : "built-in", by);
        return view(kind, language, true);
    }

    private TemplateView view(TemplateKind kind, Language language, boolean withSource) {
        TemplateText text = current(kind, language);
        Optional<TemplateRepository.Saved> last = text.origin() == TemplateText.Origin.API
                ? saved.latest(kind, language) : Optional.empty();
        return new TemplateView(kind.code(), language.code(), text.origin().name(), text.apiVersion(), text.version(),
                withSource ? text.source() : null, last.map(TemplateRepository.Saved::savedBy).orElse(null),
                last.map(TemplateRepository.Saved::savedAt).orElse(null));
    }

    /** Renders the text for a Norwegian and a Swedish sample debtor and checks what the letters state. */
    private void tryOnSamples(TemplateText text) {
        for (Country country : Country.values()) {
            LetterFacts sample = SampleLetters.facts(text.kind(), text.language(), country, creditor);
            RenderedLetter letter = templates.render(text, sample, logo);
            SampleLetters.checkLegalContent(text.fileName(), sample, letter);
        }
    }

    /** A wrong text in the template directory stops the start with the file's name, line and message. */
    private void checkDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("purreflyt.notices.template-directory: " + directory + " is not a directory");
        }
        for (TemplateKind kind : TemplateKind.values()) {
            for (Language language : Language.values()) {
                TemplateText text = templates.fileText(kind, language);
                if (text.origin() == TemplateText.Origin.DIRECTORY) {
                    try {
                        tryOnSamples(text);
                    } catch (TemplateProblemException problem) {
                        throw new IllegalStateException("The template " + directory.resolve(text.fileName())
                                + " cannot be used: " + problem.sentence(), problem);
                    }
                    log.info("Template {} from {} in force", text.fileName(), directory);
                }
            }
        }
    }

    private static LetterTemplates.Logo logo(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        Path path = Path.of(file);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg")
                ? "image/jpeg" : null;
        if (type == null) {
            throw new IllegalStateException("purreflyt.creditor.logo: " + file + " must be a .png or .jpg file");
        }
        try {
            return new LetterTemplates.Logo(Files.readAllBytes(path), type);
        } catch (IOException e) {
            throw new UncheckedIOException("purreflyt.creditor.logo: " + file + " cannot be read", e);
        }
    }
}
