package io.synod.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The models of the TLC fixtures' manifest ({@code tlc-fixtures/manifest.json}; its README
 * explains every field): the one reader of it for the tests that walk the fixtures, each
 * keeping the models its admitted list names.
 */
public final class FixtureManifest {
  private FixtureManifest() {}

  /** One model of the manifest: a spec and a config of a fixture folder, with TLC's results. */
  public record Model(Path specs, JsonNode json) {
    public String dir() {
      return json.get("dir").asText();
    }

    public String spec() {
      return json.get("spec").asText();
    }

    public String config() {
      return json.get("config").asText();
    }

    /** {@code dir/config}: how the tests' admitted lists name a model. */
    public String key() {
      return dir() + "/" + config();
    }

    public Path folder() {
      return specs.resolve(dir());
    }

    public Path specFile() {
      return folder().resolve(spec());
    }

    public Path configFile() {
      return folder().resolve(config());
    }
  }

  /**
   * The models whose {@link Model#key} {@code admitted} accepts, in the manifest's order; empty
   * when the fixtures are not beside the repository (see {@link SharedData#tlcFixtures}).
   */
  public static List<Model> models(Predicate<String> admitted) throws IOException {
    Optional<Path> root = SharedData.tlcFixtures();
    if (root.isEmpty()) {
      return List.of();
    }
    JsonNode manifest = new ObjectMapper().readTree(root.get().resolve("manifest.json").toFile());
    Path specs = root.get().resolve("specs");
    List<Model> out = new ArrayList<>();
    for (JsonNode m : manifest.isArray() ? manifest : manifest.get("models")) {
      Model model = new Model(specs, m);
      if (admitted.test(model.key())) {
        out.add(model);
      }
    }
    return out;
  }
}
