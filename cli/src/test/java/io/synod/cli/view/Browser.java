package io.synod.cli.view;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver. Both are found on the machine
 * (bin/test installs the packages when missing); nothing is downloaded, and a missing browser
 * fails the test with what to install rather than skipping it.
 */
final class Browser implements AutoCloseable {
  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    String chromium = find("SYNOD_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
    String chromedriver = find("SYNOD_CHROMEDRIVER", "chromedriver");
    if (chromium == null || chromedriver == null) {
      fail("the viewer's browser tests need Chromium and its driver, and "
          + (chromium == null ? "no chromium" : "no chromedriver") + " is on the PATH: run "
          + "'apt-get install -y chromium chromium-driver' (bin/test does this when they are missing), "
          + "or set SYNOD_CHROMIUM and SYNOD_CHROMEDRIVER");
    }
    Path profile = Files.createTempDirectory("synod-chromium-");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, o), profile);
  }

  private static String find(String env, String... names) {
    String given = System.getenv(env);
    if (given != null && !given.isBlank()) {
      return given;
    }
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/bin");
    dirs.add("/usr/lib/chromium");
    for (String n : names) {
      for (String d : dirs) {
        File f = new File(d, n);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    return null;
  }

  /** Opens a page file and waits until the viewer has shown it (or its error page). */
  void open(Path page) {
    driver.get(page.toUri().toString());
    waitReady();
  }

  void open(String url) {
    driver.get(url);
    waitReady();
  }

  private void waitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until((WebDriver d) ->
        !String.valueOf(driver.executeScript("return document.body.dataset.state || ''")).isEmpty());
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Saves a screenshot under target/viewer-screenshots for people to look at. */
  Path screenshot(String name) throws IOException {
    Path dir = Path.of("target", "viewer-screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
