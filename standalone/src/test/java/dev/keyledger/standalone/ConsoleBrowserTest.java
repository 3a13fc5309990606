package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;

import static dev.keyledger.standalone.RunningKeyledger.ADMIN_ID;
import static dev.keyledger.standalone.RunningKeyledger.ADMIN_SECRET;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static dev.keyledger.standalone.UniqueNames.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (issue 14, item 8) against a running standalone service: each test signs in afresh
 * and, after it, the browser's own log must hold no script error, no CSP violation and no request to another origin.
 * Screenshots of the main pages go to target/console-screenshots/.
 */
@KeyledgerService
class ConsoleBrowserTest {

    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
        browser = ConsoleBrowser.open(keyledger.baseUri());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void theBrowserLoggedNoErrorAndNoRequestToAnotherOrigin() {
        assertThat(browser.takeConsoleErrors()).as("errors in the browser's console").isEmpty();
        assertThat(browser.requestsToOtherOrigins()).as("requests that left the service's origin").isEmpty();
    }

    @Test
    void whenAnAdminRegistersAClient_thenTheSecretIsShownOnceCopiedAndKeptNowhere() {
        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        browser.waitForText("main h2", "Clients");
        browser.screenshot("clients");
        browser.click("details.register summary");
        String name = unique("console-registered");
        browser.labelled("Name").sendKeys(name);
        browser.button("Register").click();

        String secret = browser.waitFor(".secret-once input").getDomProperty("value");
        String clientId = browser.text(".new-client-id");
        assertThat(secret).startsWith("kls_");
        assertThat(browser.text(".secret-once .warning")).contains("shown once");
        browser.screenshot("register-secret-once");
        browser.button("Copy secret").click();
        browser.waitForText(".secret-once [role=status]", "Copied");
        Object clipboard = browser.driver().executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('refused: ' + e))");
        assertThat(clipboard).isEqualTo(secret);
        assertThat(keyledger.tokenFor(clientId, secret)).isNotBlank();

        Object stored = browser.driver().executeScript(
                "return [localStorage.length, sessionStorage.length, document.cookie, location.href].join('|')");
        assertThat(stored).isEqualTo("0|0||" + keyledger.baseUri().resolve("/console/#/clients"));
        browser.load();
        assertThat(browser.driver().findElements(By.cssSelector("#who-name")).get(0).isDisplayed())
                .as("a reloaded page holds no token").isFalse();
    }

    @Test
    void whenAnOperatorRotatesInStagesInTheConsole_thenTheMachineNeverFailsToGetAToken() {
        String name = unique("console-staged");
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"" + name + "\"}");
        String id = registered.text("clientId");
        try (Machine machine = new Machine(keyledger, id, registered.text("clientSecret"), Duration.ofMillis(50))) {
            browser.signIn(ADMIN_ID, ADMIN_SECRET);
            browser.go("#/clients/" + id);
            browser.button("Add secondary secret").click();
            String staged = browser.waitFor(".secret-once input").getDomProperty("value");
            machine.deploy(staged);
            String stagedId = secretIdInSlot(id, "SECONDARY");
            browser.waitUntil("the staged secret's last use shows without a reload", () -> !browser.driver()
                    .findElement(By.cssSelector("[data-secret='" + stagedId + "']")).getText().equals("—"));

            browser.button("Promote to primary").click();
            browser.waitForText(".outcome", "Promoted");
            browser.button("Delete secret").click();
            browser.waitForText(".outcome .warning", "type the client's name");
            browser.screenshot("secret-delete-guard");
            browser.screenshotOf("section[aria-labelledby='secrets-title']", "secrets-section");
            WebElement anyway = browser.button("Delete anyway");
            assertThat(anyway.isEnabled()).as("forcing needs the client's name typed").isFalse();
            browser.labelled("Type \"" + name + "\" to confirm").sendKeys(name);
            anyway.click();
            browser.waitForText(".outcome", "Secret deleted.");
            machine.runFor(Duration.ofMillis(300));

            assertThat(machine.failures()).isEmpty();
            assertThat(machine.successes()).isPositive();
            JsonNode secrets = admin.send("GET", "/api/v1/clients/" + id, null).json().get("secrets");
            assertThat(secrets).hasSize(1);
            assertThat(secrets.get(0).get("slot").asText()).isEqualTo("PRIMARY");
            assertThat(secrets.get(0).get("hint").asText()).isEqualTo(staged.substring(staged.length() - 4));
            browser.waitUntil("the machine's tokens show in the activity chart", () -> Integer.parseInt(
                    browser.text(".total-issued")) > 0);
            assertThat(browser.text(".total-failed")).isEqualTo("0");
            browser.waitForText("section[aria-labelledby='activity-title'] table", "ISSUED");
            browser.screenshot("client-after-rotation");
        }
    }

    @Test
    void whenAnOperatorAssignsEditsAndDeletesARole_thenTheClientsPermissionsFollow() {
        String role = unique("console-role");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"orders:read\"]}");
        String name = unique("console-holder");
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + name + "\"}").text("clientId");

        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        browser.go("#/clients/" + id);
        browser.waitUntil("the role list is loaded", () -> browser.labelled("Role to assign")
                .findElements(By.tagName("option")).stream().anyMatch(option -> option.getText().equals(role)));
        new Select(browser.labelled("Role to assign")).selectByVisibleText(role);
        browser.button("Assign role").click();
        browser.waitForText("dl.facts", "orders:read");

        browser.go("#/roles");
        browser.click("button[aria-label='Open role " + role + "']");
        WebElement permissions = browser.labelled("New permissions of " + role + " (space-separated)");
        permissions.clear();
        permissions.sendKeys("orders:read orders:write");
        browser.button("Save permissions").click();
        browser.waitForText(".outcome", "Permissions saved.");
        waitUntil(() -> clientPermissions(id).contains("orders:write"), Duration.ofSeconds(10));

        browser.button("Delete role…").click();
        browser.waitForText(".holders", name);
        browser.screenshot("roles");
        browser.button("Delete " + role).click();
        browser.waitForText(".outcome", "deleted");
        waitUntil(() -> admin.send("GET", "/api/v1/clients/" + id, null).json().get("roles").isEmpty(),
                Duration.ofSeconds(10));
    }

    @Test
    void whenAClientHasAHistory_thenTheTimelineDiffsEachChangeAndTheSliderShowsAnyPastState() {
        String role = unique("console-past");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"past:read\"]}");
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + unique("console-history") + "\"}")
                .text("clientId");
        admin.put("/api/v1/clients/" + id + "/roles/" + role);
        admin.post("/api/v1/clients/" + id + "/disable", null);

        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        browser.go("#/clients/" + id);
        browser.waitUntil("three events in the timeline",
                () -> browser.driver().findElements(By.cssSelector("li.event")).size() == 3);
        List<String> types = browser.driver().findElements(By.cssSelector("li.event")).stream()
                .map(event -> event.getDomAttribute("data-type")).toList();
        assertThat(types).containsExactly("client.disabled", "client.role-assigned", "client.registered");

        WebElement slider = browser.labelled("Move through the history, event by event");
        slider.sendKeys(Keys.HOME);
        browser.waitForText(".as-of-status", "ACTIVE");
        assertThat(browser.text(".as-of-roles")).isEqualTo("[]");
        slider.sendKeys(Keys.ARROW_RIGHT);
        browser.waitForText(".as-of-roles", role);
        assertThat(browser.text(".as-of-status")).contains("ACTIVE");
        slider.sendKeys(Keys.END);
        browser.waitForText(".as-of-status", "DISABLED");

        browser.driver().findElements(By.xpath("//button[normalize-space()='Show state change']")).get(0).click();
        browser.waitForText("table.diff", "status");
        String diff = browser.text("table.diff");
        assertThat(diff).contains("\"ACTIVE\"").contains("\"DISABLED\"");
        browser.screenshot("client-history");
        browser.screenshotOf("section[aria-labelledby='history-title']", "client-history-section");
    }

    @Test
    void whenTheChainIsVerified_thenTheConsoleShowsTheServicesHeadHashAndOffersTheDownloads() {
        // The chain links new events in the background: wait until earlier tests' events are all linked.
        waitUntil(() -> {
            String before = headHash();
            RunningKeyledger.sleep(Duration.ofMillis(500));
            return before.equals(headHash());
        }, Duration.ofSeconds(20));
        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        browser.go("#/audit");
        browser.button("Verify the chain").click();
        browser.waitForText(".verdict", "Intact");
        assertThat(browser.text(".head-hash")).isEqualTo(headHash());
        browser.screenshot("audit");

        browser.button("Download as NDJSON").click();
        browser.waitForText("a.download", "bytes");
        assertThat(browser.text("a.download")).doesNotContain("(0 bytes)");
    }

    @Test
    void whenAReadOnlyAuditorSignsIn_thenNoWriteActionShowsAndARefusalReadsAsSuch() {
        String role = unique("console-auditor");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\","
                + "\"keyledger:roles:read\",\"keyledger:audit:read\"]}");
        AdminClient.Answer auditor = admin.post("/api/v1/clients",
                "{\"name\":\"" + unique("console-auditor") + "\",\"roles\":[\"" + role + "\"]}");
        String id = auditor.text("clientId");
        keyledger.tokenHolding(id, auditor.text("clientSecret"),
                List.of("keyledger:clients:read", "keyledger:roles:read", "keyledger:audit:read"));

        browser.signIn(id, auditor.text("clientSecret"));
        browser.waitForText("main h2", "Clients");
        assertThat(browser.driver().findElements(By.cssSelector("details.register"))).isEmpty();
        browser.go("#/clients/" + id);
        browser.waitFor("li.event");
        for (String write : List.of("Add secondary secret", "Rotate in one step", "Disable", "Assign role",
                "Save details", "Delete client for good")) {
            assertThat(browser.buttons(write)).as(write).isEmpty();
        }
        browser.screenshot("read-only-client");
        browser.go("#/roles");
        browser.waitForText("main h2", "Roles");
        assertThat(browser.driver().findElements(By.xpath("//summary[.='Create a role']"))).isEmpty();
        browser.go("#/keys");
        browser.waitForText("table caption", "Signing keys");
        assertThat(browser.buttons("Rotate signing key")).isEmpty();

        admin.send("PUT", "/api/v1/roles/" + role + "/permissions",
                "{\"permissions\":[\"keyledger:clients:read\",\"keyledger:roles:read\"]}");
        browser.waitUntil("the audit trail is refused and says so", () -> {
            browser.go("#/clients");
            browser.go("#/audit");
            return browser.driver().findElements(By.cssSelector("main .problem")).stream()
                    .anyMatch(problem -> problem.getText().startsWith("Not allowed"));
        });
        browser.screenshot("refused");
    }

    @Test
    void whenSomeoneElseChangesTheClientMeanwhile_thenTheWriteIsRefusedAndExplained() {
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + unique("console-conflict") + "\"}")
                .text("clientId");
        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        browser.go("#/clients/" + id);
        browser.waitForText("dl.facts .version", "0");

        admin.patch("/api/v1/clients/" + id, "{\"description\":\"changed elsewhere\"}");
        browser.button("Disable").click();
        browser.waitForText(".outcome .problem", "Changed by someone else");
        assertThat(admin.send("GET", "/api/v1/clients/" + id, null).text("status")).isEqualTo("ACTIVE");
        browser.waitForText(".warning", "now version 1");
        browser.button("Reload").click();
        browser.waitForText("dl.facts", "changed elsewhere");
        browser.button("Disable").click();
        browser.waitForText(".outcome", "Disabled");
    }

    @Test
    void whenTheServiceStopsAcceptingTheToken_thenTheConsoleSignsOutWithAMessage() {
        String role = unique("console-reader");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\"]}");
        AdminClient.Answer reader = admin.post("/api/v1/clients",
                "{\"name\":\"" + unique("console-reader") + "\",\"roles\":[\"" + role + "\"]}");
        String id = reader.text("clientId");
        keyledger.tokenHolding(id, reader.text("clientSecret"), List.of("keyledger:clients:read"));
        browser.signIn(id, reader.text("clientSecret"));
        browser.waitForText("main h2", "Clients");

        admin.post("/api/v1/clients/" + id + "/disable", null);
        // The refusal may come from any click: the one that signs out removes the Search button before the next look.
        browser.waitUntil("a refused token signs out", () -> {
            if (browser.driver().findElement(By.id("notice")).getText().contains("sign in again")) {
                return true;
            }
            browser.buttons("Search").stream().filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
            return false;
        });
        assertThat(browser.waitFor("#sign-in-id").isDisplayed()).isTrue();
    }

    @Test
    void whenTheTokenExpires_thenTheConsoleSignsOutWithAMessage() {
        String role = unique("console-brief");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\"]}");
        AdminClient.Answer brief = admin.post("/api/v1/clients", "{\"name\":\"" + unique("console-brief")
                + "\",\"roles\":[\"" + role + "\"],\"accessTokenTtlSeconds\":60}");
        String id = brief.text("clientId");
        keyledger.tokenHolding(id, brief.text("clientSecret"), List.of("keyledger:clients:read"));
        browser.signIn(id, brief.text("clientSecret"));
        browser.waitForText("main h2", "Clients");

        RunningKeyledger.sleep(Duration.ofSeconds(60)); // the shortest lifetime a client can have
        browser.waitForText("#notice", "Your session expired: sign in again.");
        assertThat(browser.waitFor("#sign-in-id").isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).isFalse();
    }

    @Test
    void whenEachPageIsShownAtTwiceTheZoom_thenEveryControlIsLabelledAndNothingScrollsSideways() {
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + unique("console-a11y") + "\"}").text("clientId");
        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        // 200 % zoom of a 1280 px window lays the page out as a 640 px window does (WCAG 1.4.4 and 1.4.10).
        browser.driver().manage().window().setSize(new Dimension(640, 1000));
        try {
            for (String page : List.of("#/clients", "#/clients/" + id, "#/roles", "#/audit", "#/keys")) {
                browser.go(page);
                browser.waitFor("main h2");
                browser.waitUntil(page + " has loaded its tables",
                        () -> !browser.driver().findElements(By.cssSelector("main table")).isEmpty());
                Object unlabelled = browser.driver().executeScript("""
                        return [...document.querySelectorAll('main input, main select, main textarea, main button')]
                          .filter(c => c.offsetParent !== null)
                          .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')
                                       && !(c.tagName === 'BUTTON' && c.textContent.trim()))
                          .map(c => c.outerHTML);""");
                assertThat((List<?>) unlabelled).as("controls without a label on " + page).isEmpty();
                Object overflow = browser.driver().executeScript("return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth");
                assertThat(((Number) overflow).intValue()).as("sideways scrolling on " + page).isLessThanOrEqualTo(0);
            }
            browser.screenshot("keys-at-200-percent");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void whenAPageBreaksTheContentSecurityPolicy_thenTheBrowserLogThisTestReadsShowsIt() {
        browser.signIn(ADMIN_ID, ADMIN_SECRET);
        Object ran = browser.driver().executeScript("""
                const script = document.createElement('script');
                script.textContent = 'window.inlineRan = true';
                document.body.append(script);
                return window.inlineRan === true;""");
        assertThat(ran).as("the CSP stops an inline script").isEqualTo(false);
        browser.waitUntil("the violation reaches the log",
                () -> browser.takeConsoleErrors().stream().anyMatch(error -> error.contains("Content Security Policy")));
        assertThat(browser.requestedUrls()).as("the request log is read")
                .contains(keyledger.baseUri().resolve("/console/app.js").toString());
    }

    private static String secretIdInSlot(String clientId, String slot) {
        for (JsonNode secret : admin.send("GET", "/api/v1/clients/" + clientId, null).json().get("secrets")) {
            if (secret.get("slot").asText().equals(slot)) {
                return secret.get("secretId").asText();
            }
        }
        throw new AssertionError("no " + slot + " secret");
    }

    private static String headHash() {
        return admin.send("GET", "/api/v1/audit/verify", null).json().get("headHash").asText();
    }

    private static String clientPermissions(String clientId) {
        return admin.send("GET", "/api/v1/clients/" + clientId, null).json().get("permissions").toString();
    }
}
