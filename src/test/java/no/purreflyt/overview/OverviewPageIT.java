package no.purreflyt.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import no.purreflyt.support.IntegrationTest;
import no.purreflyt.support.TestMail;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The manager's overview with six open cases in three stages, an incident and two tasks waiting: the figures of
 * {@code /api/overview} exactly, and the page as a credit manager sees it in a real headless Chromium (Debian's
 * chromium and chromium-driver), its chart measured in the screenshot; who may not see it.
 *
 * <p>The cases, all 1 Norwegian consumer's, NOK, on the business date Wednesday 2026-03-04 (cases opened on Monday
 * 2026-03-02; the test plan sends the free reminder on day 7 after the due date):
 * <pre>
 * invoice  due         days  outstanding                  stage
 * INV-1    2026-02-26     6  1 000.00                     OVERDUE  (reminder on 03-05, not yet)
 * INV-2    2026-02-12    20  2 500.00                     DISPUTED (reminder sent 03-02, dispute 03-03 12:01)
 * INV-3    2026-01-20    43    600.00                     DISPUTED (reminder sent 03-02, dispute 03-02 12:01)
 * INV-4    2025-11-20   104    300.00                     OVERDUE  (its reminder's delivery is an incident)
 * INV-5    2026-02-05    27    800.00 - 100.00 paid = 700 REMINDER
 * INV-6    2025-12-20    74    150.00                     REMINDER
 * </pre>
 * By stage: OVERDUE 2 cases 1 000 + 300 = 1 300.00; REMINDER 2, 700 + 150 = 850.00; DISPUTED 2, 2 500 + 600 = 3 100.00;
 * total 6 cases, 5 250.00. By days: 1-14 INV-1 1 000.00; 15-30 INV-2 + INV-5 = 3 200.00; 31-60 INV-3 600.00; 61-90
 * INV-6 150.00; over 90 INV-4 300.00. Tasks: two "Resolve dispute", waiting 48 h (INV-3) and 24 h (INV-2) when read
 * on Wednesday at 12:01 (ages to the minute): oldest PT48H, median (48 + 24) / 2 = PT36H. The chart's tallest bar,
 * DISPUTED, is 200 px; OVERDUE 1 300 / 3 100 × 200 = 83.9 → 84 px.
 */
class OverviewPageIT extends IntegrationTest {

    static final LocalDate MONDAY = TODAY;
    static final LocalDate TUESDAY = TODAY.plusDays(1);
    static final LocalDate WEDNESDAY = TODAY.plusDays(2);
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "overview-screenshots");

    @LocalServerPort int port;

    private WebDriver browser;

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.quit();
        }
        TestMail.server();
    }

    @Test
    void theApiAddsUpOpenCasesByStageAndAgeWithTheIncidentAndTheTasksWaiting() {
        Map<String, String> instances = sixCases();

        ResponseEntity<JsonNode> response = as(MANAGER).getForEntity("/api/overview", JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode overview = response.getBody();
        assertThat(overview.path("businessDate").asText()).isEqualTo("2026-03-04");
        assertThat(overview.path("openCases").asLong()).isEqualTo(6);
        assertThat(rows(overview.path("totals"), "currency")).containsExactly("NOK 6 5250.00");
        assertThat(rows(overview.path("byStage"), "stage")).containsExactly(
                "OVERDUE NOK 2 1300.00", "REMINDER NOK 2 850.00", "DISPUTED NOK 2 3100.00");
        assertThat(rows(overview.path("byAge"), "bucket")).containsExactly(
                "1-14 NOK 1 1000.00", "15-30 NOK 2 3200.00", "31-60 NOK 1 600.00", "61-90 NOK 1 150.00",
                "over 90 NOK 1 300.00");

        assertThat(overview.path("incidentCount").asLong()).isEqualTo(1);
        JsonNode incident = overview.path("incidents").get(0);
        assertThat(incident.path("invoiceNumber").asText()).isEqualTo("INV-4");
        assertThat(incident.path("message").asText()).contains("Couldn't connect to host");
        assertThat(incident.path("activityName").asText()).isEqualTo("Send free reminder");
        assertThat(incident.path("cockpitUrl").asText())
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + instances.get("INV-4") + "/runtime");

        assertThat(overview.path("tasks")).hasSize(1);
        JsonNode tasks = overview.path("tasks").get(0);
        assertThat(tasks.path("taskKey").asText()).isEqualTo("Task_ResolveDispute");
        assertThat(tasks.path("name").asText()).isEqualTo("Resolve dispute");
        assertThat(tasks.path("count").asLong()).isEqualTo(2);
        assertThat(tasks.path("oldestAge").asText()).isEqualTo("PT48H");
        assertThat(tasks.path("medianAge").asText()).isEqualTo("PT36H");

        // oldest first: by due date
        List<String> cases = new ArrayList<>();
        overview.path("cases").forEach(c -> cases.add(c.path("invoiceNumber").asText() + " " + c.path("stage").asText()
                + " " + c.path("daysOverdue").asLong() + " " + c.path("outstanding").decimalValue().setScale(2).toPlainString()));
        assertThat(cases).containsExactly("INV-4 OVERDUE 104 300.00", "INV-6 REMINDER 74 150.00",
                "INV-3 DISPUTED 43 600.00", "INV-5 REMINDER 27 700.00", "INV-2 DISPUTED 20 2500.00",
                "INV-1 OVERDUE 6 1000.00");
        overview.path("cases").forEach(c -> assertThat(c.path("cockpitUrl").asText()).isEqualTo(
                "/camunda/app/cockpit/default/#/process-instance/" + instances.get(c.path("invoiceNumber").asText())
                        + "/runtime"));
    }

    @Test
    void aCreditManagerLogsInAndSeesTheFiguresTheCockpitLinksAndTheChartInChromium() throws IOException {
        Map<String, String> instances = sixCases();
        browser = chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        browser.get(url("/overview"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys(MANAGER);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("by-stage")));

        // back where the login interrupted (Spring Security's saved request adds "?continue")
        assertThat(browser.getCurrentUrl()).startsWith(url("/overview"));
        assertThat(text(browser.findElement(By.id("open-cases")))).isEqualTo("6");
        assertThat(stageCells("OVERDUE")).containsExactly("Overdue", "2", "1 300,00 NOK");
        assertThat(stageCells("REMINDER")).containsExactly("Reminder", "2", "850,00 NOK");
        assertThat(stageCells("DISPUTED")).containsExactly("Disputed", "2", "3 100,00 NOK");
        assertThat(text(browser.findElement(By.cssSelector("#totals .total")))).isEqualTo("5 250,00 NOK in 6 cases");
        assertThat(cells(browser.findElement(By.cssSelector("#by-age tr[data-bucket='15-30']"))))
                .containsExactly("15-30", "2", "3 200,00 NOK");
        assertThat(cells(browser.findElement(By.cssSelector("#tasks tr[data-task='Task_ResolveDispute']"))))
                .containsExactly("Resolve dispute", "2", "2 d 0 h", "1 d 12 h");
        assertThat(text(browser.findElement(By.id("incident-count")))).isEqualTo("1");

        WebElement link = browser.findElement(By.cssSelector("#cases tr[data-invoice='INV-2'] a.cockpit"));
        assertThat(link.getAttribute("href")).isEqualTo(
                url("/camunda/app/cockpit/default/#/process-instance/" + instances.get("INV-2") + "/runtime"));
        assertThat(browser.findElements(By.cssSelector("#cases tbody tr"))).hasSize(6);

        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("overview-manager.png"), png);
        BufferedImage screenshot = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(screenshot).as("a PNG screenshot").isNotNull();
        int disputed = barRun(screenshot, browser.findElement(By.id("bar-NOK-DISPUTED")).getRect());
        int overdue = barRun(screenshot, browser.findElement(By.id("bar-NOK-OVERDUE")).getRect());
        int reminder = barRun(screenshot, browser.findElement(By.id("bar-NOK-REMINDER")).getRect());
        // the bars are drawn in their colour, the largest sum the tallest: 200, 84 and 850 / 3 100 × 200 = 54.8 → 55 px
        assertThat(disputed).isBetween(198, 202);
        assertThat(overdue).isBetween(82, 86);
        assertThat(reminder).isBetween(53, 57);
        assertThat(disputed).isGreaterThan(overdue);
        assertThat(overdue).isGreaterThan(reminder);

        // logging out ends the session: the page asks for the login again
        browser.findElement(By.cssSelector("header button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(url("/overview"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("by-stage"))).isEmpty();
    }

    @Test
    void aCreditControllerIsRefusedAndAnAnonymousVisitorIsSentToTheLogin() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> redirected = anonymous.send(HttpRequest.newBuilder(URI.create(url("/overview"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location")).hasValue(url("/login"));
        assertThat(http.getForEntity("/api/overview", String.class).getStatusCode().value()).isEqualTo(401);

        // CSRF is on: a login without the form's token is refused
        HttpResponse<String> forged = anonymous.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", MANAGER, "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpClient controller = loggedIn(CONTROLLER);
        HttpResponse<String> refused = controller.send(HttpRequest.newBuilder(URI.create(url("/overview"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("403", "credit managers");
        assertThat(as(CONTROLLER).getForEntity("/api/overview", JsonNode.class).getStatusCode().value()).isEqualTo(403);

        HttpClient manager = loggedIn(MANAGER);
        HttpResponse<String> page = manager.send(HttpRequest.newBuilder(URI.create(url("/overview"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dunning overview");
        assertThat(as(ADMIN).getForEntity("/api/overview", JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theBrowserTestNamesTheMissingPackagesInsteadOfSkipping() {
        // the check chromium() makes, on paths that do not exist
        assertThat(missingBrowser(Path.of("/nonexistent/chromium"), CHROMEDRIVER))
                .isEqualTo("install chromium and chromium-driver (Debian packages): /nonexistent/chromium is missing");
        assertThat(missingBrowser(CHROMIUM, CHROMEDRIVER)).isNull();
    }

    // ---- the cases

    /** The six cases of the class comment; answers each invoice's process instance id. */
    private Map<String, String> sixCases() {
        customer("NO-1", "CONSUMER", "NO");
        invoice("INV-1", "NO-1", LocalDate.of(2026, 2, 26), "1000.00", "NOK");
        invoice("INV-2", "NO-1", LocalDate.of(2026, 2, 12), "2500.00", "NOK");
        invoice("INV-3", "NO-1", LocalDate.of(2026, 1, 20), "600.00", "NOK");
        invoice("INV-5", "NO-1", LocalDate.of(2026, 2, 5), "800.00", "NOK");
        invoice("INV-6", "NO-1", LocalDate.of(2025, 12, 20), "150.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        // the business clock runs on from where it is set: set just before each dispute, the tasks' ages are whole days
        timeTravel.setDateTime(MONDAY, NOON.plusMinutes(1));
        assertThat(post("/api/invoices/INV-3/disputes", Map.of("reason", "Goods never arrived")).getStatusCode().value())
                .isEqualTo(201);

        // the relay is down for INV-4's reminder: three attempts five minutes apart, then an incident
        TestMail.stop();
        invoice("INV-4", "NO-1", LocalDate.of(2025, 11, 20), "300.00", "NOK");
        post("/api/dunning-runs", null);
        executeDueJobs();
        timeTravel.setDateTime(MONDAY, NOON.plusMinutes(7));
        executeDueJobs();
        timeTravel.setDateTime(MONDAY, NOON.plusMinutes(13));
        executeDueJobs();
        TestMail.start();

        travelTo(TUESDAY);
        timeTravel.setDateTime(TUESDAY, NOON.plusMinutes(1));
        assertThat(post("/api/invoices/INV-2/disputes", Map.of("reason", "Wrong price")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(post("/api/invoices/INV-5/payments", Map.of("amount", "100.00", "paidOn", TUESDAY.toString(),
                "externalId", "P-5")).getStatusCode().value()).isEqualTo(201);
        travelTo(WEDNESDAY);
        timeTravel.setDateTime(WEDNESDAY, NOON.plusMinutes(1));

        Map<String, String> instances = new java.util.HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().list()) {
            instances.put(instance.getBusinessKey(), instance.getId());
        }
        assertThat(instances).containsOnlyKeys("INV-1", "INV-2", "INV-3", "INV-4", "INV-5", "INV-6");
        return instances;
    }

    private static List<String> rows(JsonNode rows, String key) {
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add((key.equals("currency") ? "" : r.path(key).asText() + " ") + r.path("currency").asText()
                + " " + r.path("cases").asLong() + " " + r.path("outstanding").decimalValue().setScale(2).toPlainString()));
        return lines;
    }

    // ---- the browser

    /** Debian's Chromium through Debian's chromedriver; fails (never skips) where they are not installed. */
    private static WebDriver chromium() throws IOException {
        String missing = missingBrowser(CHROMIUM, CHROMEDRIVER);
        if (missing != null) {
            fail(missing);
        }
        // with the driver and the browser named, Selenium Manager has nothing to look up or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--force-device-scale-factor=1", "--force-color-profile=srgb",
                "--user-data-dir=" + Files.createTempDirectory("overview-chromium"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return driver;
    }

    static String missingBrowser(Path chromium, Path chromedriver) {
        for (Path path : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(path)) {
                return "install chromium and chromium-driver (Debian packages): " + path + " is missing";
            }
        }
        return null;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private List<String> stageCells(String stage) {
        return cells(browser.findElement(By.cssSelector("#by-stage tr[data-stage='" + stage + "']")));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(OverviewPageIT::text).toList();
    }

    /** The element's text with the no-break spaces of Norwegian numbers as plain spaces. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').trim();
    }

    /**
     * The longest vertical run of the bars' colour in the screenshot, down the middle of the bar's box: how tall the
     * bar is really drawn.
     */
    private static int barRun(BufferedImage image, Rectangle bar) {
        int colour = Integer.parseInt(BarChart.BAR_COLOUR.substring(1), 16);
        int x = bar.getX() + bar.getWidth() / 2;
        assertThat(x).as("the bar lies inside the screenshot").isBetween(0, image.getWidth() - 1);
        int longest = 0;
        int run = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            if (near(image.getRGB(x, y) & 0xffffff, colour)) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        return longest;
    }

    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }

    // ---- a browser's login without a browser, for the status codes

    /** Logs in through the login form, as a browser would, and checks that the login gave the session a new id. */
    private HttpClient loggedIn(String user) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String sessionBefore = sessionId(cookies);
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("the login form carries a CSRF token: %s", loginPage).isTrue();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", PASSWORD,
                        "_csrf", token.group(1)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        // session fixation protection: the id a visitor had before the login is worth nothing after it
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(sessionBefore);
        return client;
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

}
