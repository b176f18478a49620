package io.synod.cli.gate;

import java.nio.file.Path;
import java.util.List;

/**
 * A gate manifest: the models to check and what each must do.
 *
 * @param source the manifest file, for reports
 * @param entries the models in manifest order
 */
public record GateManifest(Path source, List<GateEntry> entries) {
  public GateManifest {
    entries = List.copyOf(entries);
  }
}
