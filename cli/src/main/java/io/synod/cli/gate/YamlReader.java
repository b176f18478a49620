package io.synod.cli.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads YAML into {@link YamlNode}s with positions. Jackson's tree model forgets where a value
 * came from, so the tree is built here from the streaming parser, which knows.
 */
final class YamlReader {
  private final String fileName;

  /** @param fileName how the file is named in error messages */
  YamlReader(String fileName) {
    this.fileName = fileName;
  }

  YamlNode read(String text) throws ManifestException {
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ManifestException(fileName + ": the file is empty; expected a mapping with 'models'");
      }
      return node(p, first);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where =
          loc == null ? fileName : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ManifestException(where + ": malformed YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ManifestException(fileName + ": cannot read: " + e.getMessage());
    }
  }

  private YamlNode node(JsonParser p, JsonToken token) throws IOException, ManifestException {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    switch (token) {
      case START_OBJECT -> {
        LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
        LinkedHashMap<String, YamlNode> keys = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          JsonLocation kl = p.currentTokenLocation();
          String name = p.currentName();
          YamlNode key = YamlNode.scalar(name, kl.getLineNr(), kl.getColumnNr());
          if (entries.containsKey(name)) {
            throw new ManifestException(
                at(key) + "duplicate key '" + name + "' (first at line " + keys.get(name).line() + ")");
          }
          keys.put(name, key);
          entries.put(name, node(p, p.nextToken()));
        }
        return YamlNode.map(entries, keys, line, col);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(node(p, t));
        }
        return YamlNode.list(items, line, col);
      }
      case VALUE_NULL -> {
        return YamlNode.scalar(null, line, col);
      }
      default -> {
        return YamlNode.scalar(p.getText(), line, col);
      }
    }
  }

  String at(YamlNode node) {
    return fileName + ":" + node.line() + ":" + node.column() + ": ";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
