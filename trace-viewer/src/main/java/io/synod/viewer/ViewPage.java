package io.synod.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The viewer as one self-contained HTML file: style, script and the report inline, so that it
 * can be attached to a CI run, mailed, or opened from disk with no network.
 */
public final class ViewPage {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ViewPage() {}

  /**
   * The page showing {@code payload}: an object with {@code kind} ({@code counterexample},
   * {@code history}, {@code trace}), {@code title}, and the report itself (see the README for the fields).
   */
  public static String html(JsonNode payload) {
    String title = payload.path("title").asText("Synod view");
    String template = WebAssets.read("page.html");
    String script = ModuleBundler.bundle(WebAssets.modules(), "app.js", "synodViewer");
    java.util.Map<String, String> parts = java.util.Map.of(
        "TITLE", escapeHtml(title), "STYLE", WebAssets.read("style.css"),
        "DATA", inlineJson(payload), "SCRIPT", script);
    // one pass, so that a placeholder inside the report's text is never substituted
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("@(TITLE|STYLE|DATA|SCRIPT)@").matcher(template);
    StringBuilder sb = new StringBuilder(template.length() + script.length() + 4096);
    while (m.find()) {
      m.appendReplacement(sb, "");
      sb.append(parts.get(m.group(1)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * JSON that can sit inside a {@code <script>} element: every {@code <} (which can occur only
   * inside strings) as {@code \u003c}, so no {@code </script>} or {@code <!--} in a value ends
   * the element early; and U+2028/U+2029, which older engines reject in script text.
   */
  static String inlineJson(JsonNode payload) {
    String json;
    try {
      json = MAPPER.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
