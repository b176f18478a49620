package io.synod.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ViewPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode payload(String text) {
    ObjectNode p = JSON.createObjectNode().put("kind", "counterexample").put("title", "a <b> & \"c\"");
    p.putObject("report").putArray("vars").add(text);
    return p;
  }

  @Test
  void theReportCannotEndItsScriptElementAndReadsBackUnchanged() throws IOException {
    String evil = "</script><script>alert(1)</script><!-- @SCRIPT@ \u2028";
    String html = ViewPage.html(payload(evil));
    int start = html.indexOf("id=\"synod-data\">") + "id=\"synod-data\">".length();
    int end = html.indexOf("</script>", start);
    JsonNode back = JSON.readTree(html.substring(start, end));
    assertEquals(evil, back.get("report").get("vars").get(0).asText());
    assertEquals(1, html.split("<title>", -1).length - 1);
    assertTrue(html.contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"));
    assertFalse(html.contains("@DATA@") || html.contains("@STYLE@"));
  }

  @Test
  void thePageNeedsNothingFromTheNetwork() {
    String html = ViewPage.html(payload("x"));
    assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("@import"), "no external resource");
    assertTrue(html.contains("default-src 'none'"), "the page forbids loading anything");
  }

  @Test
  void theServerServesThePageOnLoopbackAndNothingElse() throws Exception {
    try (ViewServer s = ViewServer.start(ViewPage.html(payload("x")), 0)) {
      assertTrue(s.url().startsWith("http://127.0.0.1:"), s.url());
      HttpClient c = HttpClient.newHttpClient();
      HttpResponse<String> page = c.send(HttpRequest.newBuilder(URI.create(s.url())).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("id=\"synod-data\""));
      for (String path : new String[] {"etc/passwd", "../pom.xml", "web/app.js", "%2e%2e/%2e%2e/etc/passwd"}) {
        HttpResponse<String> other = c.send(HttpRequest.newBuilder(URI.create(s.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode(), path);
      }
      HttpResponse<String> post = c.send(HttpRequest.newBuilder(URI.create(s.url())).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    }
  }
}
