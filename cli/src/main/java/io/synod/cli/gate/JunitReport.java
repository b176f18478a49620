package io.synod.cli.gate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results as JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins)
 * display: one test case per model, a {@code failure} per deviating model, {@code skipped}
 * for models waiting for a checker feature.
 */
public final class JunitReport {
  private JunitReport() {}

  public static void write(String suiteName, List<GateResult> results, Path file)
      throws IOException {
    write(suiteName, results, file, java.util.Map.of());
  }

  /**
   * @param views the page of synod view written for a model's counterexample, by model name;
   *     each is named in the model's output, as an attachment in the form Jenkins' and GitLab's
   *     JUnit readers link
   */
  public static void write(String suiteName, List<GateResult> results, Path file,
      java.util.Map<String, Path> views) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(suiteName, results, w, views);
    }
  }

  static void write(String suiteName, List<GateResult> results, Writer w) throws IOException {
    write(suiteName, results, w, java.util.Map.of());
  }

  static void write(String suiteName, List<GateResult> results, Writer w,
      java.util.Map<String, Path> views) throws IOException {
    long failures = results.stream().filter(r -> !r.passed()).count();
    long skipped = results.stream().filter(GateResult::skipped).count();
    Duration total = results.stream()
        .filter(r -> !r.skipped())
        .map(r -> r.run().elapsed())
        .reduce(Duration.ZERO, Duration::plus);
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", suiteName);
      x.writeAttribute("tests", Integer.toString(results.size()));
      x.writeAttribute("failures", Long.toString(failures));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", Long.toString(skipped));
      x.writeAttribute("time", Durations.seconds(total));
      x.writeCharacters("\n");
      for (GateResult r : results) {
        testCase(x, suiteName, r, views.get(r.entry().name()));
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void testCase(XMLStreamWriter x, String suite, GateResult r, Path view)
      throws XMLStreamException {
    GateEntry e = r.entry();
    x.writeCharacters("  ");
    x.writeStartElement("testcase");
    x.writeAttribute("classname", suite);
    x.writeAttribute("name", e.name());
    x.writeAttribute("time", r.skipped() ? "0.000" : Durations.seconds(r.run().elapsed()));
    if (r.skipped()) {
      x.writeEmptyElement("skipped");
      x.writeAttribute("message", "waiting: " + e.waiting());
    } else {
      if (!r.passed()) {
        x.writeStartElement("failure");
        x.writeAttribute("message", r.deviations().get(0));
        x.writeAttribute("type", "deviation");
        x.writeCharacters(String.join("\n", r.deviations()));
        x.writeEndElement();
      }
      x.writeStartElement("system-out");
      x.writeCharacters("spec: " + e.spec() + "\nconfig: " + e.config() + "\nexpected: "
          + e.expect() + "\ngot: " + r.run().outcome() + "\ndistinct states: "
          + r.run().distinctStates() + "\n" + (r.run().detail().isEmpty() ? "" : r.run().detail() + "\n")
          + (view == null ? "" : "counterexample: " + view + "\n[[ATTACHMENT|" + view.toAbsolutePath() + "]]\n"));
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeCharacters("\n");
  }
}
