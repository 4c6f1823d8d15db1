package no.purreflyt.notice;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.JDKXRLogger;
import com.openhtmltopdf.util.XRLog;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.purreflyt.ledger.Language;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes letters: a letter's own text ({@code purring_nb.ftlh}) rendered with its facts, then set in the e-mail
 * ({@code mail.ftlh}) and in the printed A4 letter ({@code letter.ftlh}, to PDF with openhtmltopdf). The shared files
 * (lib, mail, letter) and the texts are read from the configured directory first and the built-in ones after; the
 * texts saved through the API come in as {@link TemplateText}s. FreeMarker escapes every value as HTML.
 */
final class LetterTemplates {

    static final String CLASSPATH_ROOT = "/templates/notices";

    static {
        // openhtmltopdf logs through java.util.logging with a console handler of its own: four INFO lines a letter
        // straight to stderr, past logback (and past the production profile's JSON lines). Its warnings and errors go
        // to the root logger instead, which Spring Boot hands to logback; the INFO lines are not made at all.
        XRLog.setLoggerImpl(new JDKXRLogger(true, java.util.logging.Level.WARNING, new DiscardingHandler(),
                new java.util.logging.SimpleFormatter()));
    }

    /** What openhtmltopdf would print itself: nothing; its records go on to the root logger. */
    private static final class DiscardingHandler extends java.util.logging.Handler {
        @Override
        public void publish(java.util.logging.LogRecord logRecord) {
            // the parent handlers have it
        }

        @Override
        public void flush() {
            // nothing kept
        }

        @Override
        public void close() {
            // nothing open
        }
    }
    /** The e-mail refers to the logo by this content id; the message carries it as an inline part. */
    static final String LOGO_CONTENT_ID = "creditor-logo";

    /** The creditor's logo: its bytes and media type, or none. */
    record Logo(byte[] bytes, String mediaType) {

        String dataUri() {
            return "data:" + mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }

    private final Path directory;
    private final Configuration freemarker;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    LetterTemplates(Path directory) {
        this.directory = directory;
        this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (directory != null) {
            try {
                loaders.add(new FileTemplateLoader(directory.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("The template directory " + directory + " cannot be read", e);
            }
        }
        loaders.add(new ClassTemplateLoader(LetterTemplates.class, CLASSPATH_ROOT));
        freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocale(Locale.ROOT);
        freemarker.setNumberFormat("computer");
        // texts come from credit controllers through the API: no ?new (which could instantiate Execute and run
        // programs), no ?api, and only our own maps, lists and strings in the model
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    /** The text in force without the API's versions: the directory's file, else the built-in one. */
    TemplateText fileText(TemplateKind kind, Language language) {
        String name = TemplateText.fileName(kind, language);
        if (directory != null && Files.isRegularFile(directory.resolve(name))) {
            try {
                return new TemplateText(kind, language, TemplateText.Origin.DIRECTORY, null,
                        Files.readString(directory.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException("The template " + directory.resolve(name) + " cannot be read", e);
            }
        }
        return new TemplateText(kind, language, TemplateText.Origin.BUILT_IN, null, builtIn(name));
    }

    static String builtIn(String name) {
        try (InputStream in = LetterTemplates.class.getResourceAsStream(CLASSPATH_ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No built-in template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders the letter in all its forms.
     *
     * @throws TemplateProblemException when the text does not parse or does not render with these facts
     */
    RenderedLetter render(TemplateText text, LetterFacts facts, Logo logo) {
        Map<String, Object> model = facts.model();
        String bodyHtml = process(compile(text), model, text.fileName());
        Element body = Jsoup.parseBodyFragment(bodyHtml).body();
        Element heading = body.selectFirst("h1");
        if (heading == null || heading.text().isBlank()) {
            throw new TemplateProblemException(text.fileName(), null, null,
                    "the letter has no heading: its text must begin with <h1>…</h1>, which is also the e-mail's subject");
        }
        String subject = heading.text() + " – " + invoiceWord(facts.language()) + " " + facts.invoice().number();

        Map<String, Object> framed = new HashMap<>(model);
        framed.put("subject", subject);
        framed.put("body", bodyHtml);
        withLogo(framed, logo == null ? "" : "cid:" + LOGO_CONTENT_ID);
        String mail = process(shared("mail.ftlh"), framed, "mail.ftlh");
        withLogo(framed, logo == null ? "" : logo.dataUri());
        String letter = process(shared("letter.ftlh"), framed, "letter.ftlh");
        return new RenderedLetter(text.version(), subject, mail, PlainText.of(body) + footer(facts), pdf(letter));
    }

    private static String invoiceWord(Language language) {
        return language == Language.EN ? "invoice" : "faktura";
    }

    private static String footer(LetterFacts facts) {
        CreditorProperties c = facts.creditor();
        return "\n--\n" + c.name() + ", " + c.organisationNumber() + "\n"
                + (c.address().isEmpty() ? "" : String.join(", ", c.address()) + "\n")
                + c.phone() + " · " + c.email() + "\n";
    }

    @SuppressWarnings("unchecked")
    private static void withLogo(Map<String, Object> model, String source) {
        Map<String, Object> creditor = new HashMap<>((Map<String, Object>) model.get("creditor"));
        creditor.put("logo", source);
        model.put("creditor", creditor);
    }

    private Template compile(TemplateText text) {
        return compiled.computeIfAbsent(text.version(), key -> {
            try {
                return new Template(text.fileName(), null, new StringReader(text.source()), freemarker);
            } catch (ParseException e) {
                throw new TemplateProblemException(text.fileName(), e.getLineNumber(), e.getColumnNumber(),
                        e.getEditorMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Template shared(String name) {
        try {
            return freemarker.getTemplate(name);
        } catch (ParseException e) {
            throw new TemplateProblemException(name, e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("The template " + name + " cannot be read", e);
        }
    }

    /** Far above any letter (a few kB): a text that writes more is looping, and would fill the heap. */
    static final int MAX_OUTPUT_CHARS = 2_000_000;

    private static String process(Template template, Map<String, Object> model, String name) {
        LimitedWriter out = new LimitedWriter(MAX_OUTPUT_CHARS);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            if (e.getCause() instanceof TooLong) {
                throw tooLong(name);
            }
            String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            throw new TemplateProblemException(where, e.getLineNumber(), e.getColumnNumber(),
                    forPeople(e.getMessageWithoutStackTop()));
        } catch (TooLong e) {
            throw tooLong(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static TemplateProblemException tooLong(String name) {
        return new TemplateProblemException(name, null, null, "the letter grows beyond " + MAX_OUTPUT_CHARS
                + " characters; a loop that does not end?");
    }

    /**
     * FreeMarker's message up to where it starts explaining its own set-up: which template loaders it asked (with the
     * server's directories) and its tips are for us, not for the person who wrote the text.
     */
    static String forPeople(String message) {
        StringBuilder kept = new StringBuilder();
        for (String line : message.strip().split("\\R")) {
            if (line.startsWith("The name was interpreted by") || line.startsWith("----") || line.startsWith("Tip:")
                    || line.startsWith("FTL stack trace")) {
                break;
            }
            kept.append(kept.isEmpty() ? "" : " ").append(line.strip());
        }
        return kept.toString().strip();
    }

    /** Thrown by {@link LimitedWriter}: unchecked, so that FreeMarker passes it on instead of wrapping it in its own. */
    private static final class TooLong extends RuntimeException {
        TooLong() {
            super(null, null, false, false);
        }
    }

    /** A StringWriter that refuses to grow beyond its limit. */
    private static final class LimitedWriter extends StringWriter {
        private final int limit;

        LimitedWriter(int limit) {
            this.limit = limit;
        }

        private void room(int more) {
            if (getBuffer().length() + more > limit) {
                throw new TooLong();
            }
        }

        @Override
        public void write(int c) {
            room(1);
            super.write(c);
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            room(len);
            super.write(cbuf, off, len);
        }

        @Override
        public void write(String str) {
            room(str.length());
            super.write(str);
        }

        @Override
        public void write(String str, int off, int len) {
            room(len);
            super.write(str, off, len);
        }
    }

    private static byte[] pdf(String html) {
        Document document = Jsoup.parse(html);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // a letter is self-contained: the logo comes as a data URI; nothing is fetched from the network or the
            // disk while rendering (an edited text must not make the server read internal addresses or files)
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be set as PDF", e);
        }
        return out.toByteArray();
    }
}
