package no.purreflyt.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import no.purreflyt.benchmark.Scenario.Figures;
import no.purreflyt.benchmark.Scenario.Stage;

/**
 * The results as Markdown: the machine, the settings, the figures beside the engine alone's and the targets. In
 * {@code benchmark/RESULTS.md} they replace what stands between the two marker lines, so the written analysis around
 * them stays.
 */
final class Results {

    static final String BEGIN = "<!-- benchmark figures: written by the benchmark, do not edit by hand -->";
    static final String END = "<!-- end of benchmark figures -->";

    private final Benchmark.Settings settings;
    private final JobSettings jobs;
    private final Figures app;
    private final Figures engine;
    private final List<String> extraSections = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();

    private final String server;

    Results(Benchmark.Settings settings, JobSettings jobs, Figures app, Figures engine, String server) {
        this.server = server;
        this.settings = settings;
        this.jobs = jobs;
        this.app = app;
        this.engine = engine;
    }

    /** A section of its own (the acquisition at scale, the start-up), with the targets it decides. */
    void add(String markdown, List<String[]> sectionTargets) {
        extraSections.add(markdown);
        targets.addAll(sectionTargets);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Run of ").append(LocalDate.now()).append(": ").append(f0(settings.cases())).append(" cases")
                .append(settings.nodes() > 1 ? " on " + settings.nodes() + " Purreflyt nodes" : "").append("\n\n");
        md.append("- Machine: ").append(Machine.describe()).append("\n");
        md.append("- Database: ").append(server).append("\n");
        md.append("- Settings: ").append(jobs.describe()).append("\n");
        md.append("- Command: `mvn -Pbenchmark verify -Dcases=").append(settings.cases())
                .append(settings.nodes() > 1 ? " -Dnodes=" + settings.nodes() : "")
                .append(settings.stages() == Integer.MAX_VALUE ? "" : " -Dstages=" + settings.stages())
                .append(settings.baseline() ? "" : " -Dbaseline=false")
                .append(settings.probes() ? "" : " -Dprobes=false").append("`")
                .append(settings.appProperties().isEmpty() ? "" : " with " + settings.appProperties()).append("\n\n");

        md.append("| | Purreflyt | engine alone | Purreflyt / engine (time) |\n|---|---:|---:|---:|\n");
        row(md, "cases started per second", f0(app.startsPerSecond()), engine(f -> f0(f.startsPerSecond())),
                ratio(Figures::startsPerSecond, true));
        row(md, "… until every case waits for its first notice (s)", f1(app.settleSeconds()),
                engine(f -> f1(f.settleSeconds())), ratio(Figures::settleSeconds, false));
        row(md, "notices prepared per second (rendered: HTML and PDF)", f0(app.noticesPreparedPerSecond()),
                engine(f -> f0(f.noticesPreparedPerSecond())), ratio(Figures::noticesPreparedPerSecond, true));
        row(md, "notices delivered per second (e-mail over SMTP)", f0(app.noticesDeliveredPerSecond()),
                engine(f -> f0(f.noticesDeliveredPerSecond())), ratio(Figures::noticesDeliveredPerSecond, true));
        row(md, "payments correlated per second (one at a time)", f0(app.payments().perSecond()),
                engine(f -> f0(f.payments().perSecond())), ratio(f -> f.payments().perSecond(), true));
        row(md, "… latency p50 / p95 (ms)", f1(app.payments().millis(0.5)) + " / " + f1(app.payments().millis(0.95)),
                engine(f -> f1(f.payments().millis(0.5)) + " / " + f1(f.payments().millis(0.95))),
                ratio(f -> f.payments().millis(0.95), false));
        if (app.complete()) {
            row(md, "handovers approved and sent per second", f0(app.handoversPerSecond()),
                    engine(f -> f0(f.handoversPerSecond())), ratio(Figures::handoversPerSecond, true));
        }
        String total = app.complete() ? "total time, loading to handover (s)"
                : "total time, loading to the end of the last stage run (s)";
        row(md, "**" + total + "**", "**" + f0(app.totalSeconds()) + "**",
                engine(f -> "**" + f0(f.totalSeconds()) + "**"), bold(ratio(Figures::totalSeconds, false)));
        row(md, "idle job acquisition, every case waiting: p50 / p95 (ms)",
                f2(app.idleAcquisition().millis(0.5)) + " / " + f2(app.idleAcquisition().millis(0.95)),
                engine(f -> f2(f.idleAcquisition().millis(0.5)) + " / " + f2(f.idleAcquisition().millis(0.95))), "");
        row(md, "peak heap used (MB)", mb(app.peakHeapBytes()), engine(f -> mb(f.peakHeapBytes())), "");
        row(md, "database size per case (kB)", f1(app.databaseBytes() / 1024.0 / app.cases()),
                engine(f -> f1(f.databaseBytes() / 1024.0 / f.cases())), "");
        md.append("\n");

        md.append("Stages (seconds from the clock move until the day's notices were prepared, delivered, and nothing was due):\n\n");
        md.append("| stage | cases | Purreflyt prepared / delivered / done | engine alone prepared / delivered / done |\n|---|---:|---:|---:|\n");
        for (int i = 0; i < app.stages().size(); i++) {
            Stage a = app.stages().get(i);
            Stage e = engine != null && i < engine.stages().size() ? engine.stages().get(i) : null;
            md.append("| ").append(a.name()).append(" | ").append(f0(a.cases())).append(" | ")
                    .append(f1(a.secondsToPrepared())).append(" / ").append(f1(a.secondsToDelivered())).append(" / ")
                    .append(f1(a.seconds())).append(" | ")
                    .append(e == null ? "" : f1(e.secondsToPrepared()) + " / " + f1(e.secondsToDelivered()) + " / " + f1(e.seconds()))
                    .append(" |\n");
        }
        md.append("\nHeap after a full collection (MB), Purreflyt: ")
                .append(app.heapAfterGc().stream().map(h -> h.when() + " " + mb(h.bytes())).collect(Collectors.joining(", ")))
                .append(".\n\n");
        md.append("What the runs left: Purreflyt ").append(describe(app.outcome())).append("; failed jobs ")
                .append(app.failedJobs()).append(".")
                .append(engine == null ? "" : " Engine alone " + describe(engine.outcome()) + "; failed jobs "
                        + engine.failedJobs() + ".")
                .append("\n\n");
        extraSections.forEach(s -> md.append(s).append("\n"));

        md.append("Targets:\n\n| target | measured | |\n|---|---|---|\n");
        double perSecondNeeded = 100_000 / 300.0;
        target(md, "100 000 cases started in under 5 minutes (333/s)",
                f0(app.startsPerSecond()) + "/s: 100 000 in " + f1(100_000 / app.startsPerSecond() / 60) + " min",
                app.startsPerSecond() >= perSecondNeeded, app.startsPerSecond() / perSecondNeeded);
        target(md, "notices prepared at 100/s or more", f0(app.noticesPreparedPerSecond()) + "/s",
                app.noticesPreparedPerSecond() >= 100, app.noticesPreparedPerSecond() / 100);
        target(md, "notices delivered at 100/s or more", f0(app.noticesDeliveredPerSecond()) + "/s",
                app.noticesDeliveredPerSecond() >= 100, app.noticesDeliveredPerSecond() / 100);
        target(md, "payment correlated at p95 under 50 ms (" + f0(app.cases()) + " open cases)",
                f1(app.payments().millis(0.95)) + " ms", app.payments().millis(0.95) < 50, 50 / app.payments().millis(0.95));
        if (engine != null && app.complete() && engine.complete()) {
            double ratio = app.totalSeconds() / engine.totalSeconds();
            target(md, "end-to-end time at most 1.5 × the engine alone", f2(ratio) + " ×", ratio <= 1.5, 1.5 / ratio);
        } else {
            md.append("| end-to-end time at most 1.5 × the engine alone | not measured: this run ")
                    .append(engine == null ? "left out the engine alone" : "stopped before the handovers")
                    .append(" | |\n");
        }
        List<HeapWatch.AfterGc> heap = app.heapAfterGc();
        long firstStage = heap.get(Math.min(1, heap.size() - 1)).bytes();
        long highest = heap.stream().mapToLong(HeapWatch.AfterGc::bytes).max().orElse(0);
        target(md, "heap flat over the run (after a full collection, cases started → highest later)",
                mb(firstStage) + " → " + mb(highest) + " MB", highest <= firstStage * 1.25 + 16 * 1024 * 1024,
                (firstStage * 1.25 + 16 * 1024 * 1024) / Math.max(1, highest));
        for (String[] t : targets) {
            md.append("| ").append(String.join(" | ", t)).append(" |\n");
        }
        return md.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String figures = BEGIN + "\n" + markdown() + END;
            String text;
            if (Files.exists(file)) {
                String old = Files.readString(file, StandardCharsets.UTF_8);
                int begin = old.indexOf(BEGIN);
                int end = old.indexOf(END);
                text = begin >= 0 && end > begin ? old.substring(0, begin) + figures + old.substring(end + END.length())
                        : old + "\n" + figures + "\n";
            } else {
                text = "# Benchmark results\n\n" + figures + "\n";
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void target(StringBuilder md, String target, String measured, boolean met, double factor) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict(met, factor))
                .append(" |\n");
    }

    static String[] target(String target, String measured, boolean met, double factor) {
        return new String[] {target, measured, verdict(met, factor)};
    }

    /** "met", or by how much it was missed: to a tenth of a per cent below 1 % (401 MB against 400 is not "0 %"). */
    static String verdict(boolean met, double factor) {
        double percent = Math.abs(1 - factor) * 100;
        return met ? "met" : "**missed** (" + (percent < 1 ? f1(percent) : f0(percent)) + " % short)";
    }

    private static void row(StringBuilder md, String what, String app, String engine, String ratio) {
        md.append("| ").append(what).append(" | ").append(app).append(" | ").append(engine).append(" | ").append(ratio)
                .append(" |\n");
    }

    private static String describe(Map<String, Long> outcome) {
        return outcome.entrySet().stream().map(e -> e.getKey() + ": " + f0(e.getValue())).collect(Collectors.joining(", "));
    }

    /** The engine alone's figure, or that it was not run. */
    private String engine(java.util.function.Function<Figures, String> figure) {
        return engine == null ? "not run" : figure.apply(engine);
    }

    /**
     * Purreflyt / engine alone as a ratio of time: a rate ({@code perSecond}) the other way round, so that above 1
     * always means Purreflyt took longer.
     */
    private String ratio(java.util.function.ToDoubleFunction<Figures> figure, boolean perSecond) {
        if (engine == null) {
            return "";
        }
        double a = figure.applyAsDouble(app);
        double e = figure.applyAsDouble(engine);
        double r = perSecond ? e / a : a / e;
        return Double.isNaN(r) || Double.isInfinite(r) ? "" : f2(r) + " ×";
    }

    private static String bold(String text) {
        return text.isEmpty() ? "" : "**" + text + "**";
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String mb(long bytes) {
        return f0(bytes / 1024.0 / 1024.0);
    }

    /** The machine the figures come from. */
    static final class Machine {
        static String describe() {
            String cpu = "unknown CPU";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            } catch (IOException | RuntimeException e) {
                // not Linux: the CPU stays unnamed
            }
            long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            return "%d cores (%s), %s GiB RAM, Java %s, JVM heap max %s MB".formatted(
                    Runtime.getRuntime().availableProcessors(), cpu, f0(memory / 1024.0 / 1024 / 1024),
                    System.getProperty("java.version"), mb(Runtime.getRuntime().maxMemory()));
        }
    }
}
