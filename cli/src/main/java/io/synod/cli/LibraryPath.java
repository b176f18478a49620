package io.synod.cli;

import io.synod.checker.semantic.ModuleLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where modules that are not next to the spec are looked for, in order: the {@code -lib}
 * folders, then TLC's {@code -DTLA-Library=DIR1:DIR2} system property, then the folders of the
 * {@code TLA_PATH} environment variable (both separated by the platform's path separator).
 * Libraries such as tlapm's FiniteSetTheorems or NaturalsInduction load from any of them.
 */
final class LibraryPath {
  private LibraryPath() {}

  /** The search folders for this process's {@code -lib} options, property and environment. */
  static List<Path> of(List<Path> lib) {
    return of(lib, System.getProperty("TLA-Library"), System.getenv("TLA_PATH"));
  }

  static List<Path> of(List<Path> lib, String tlaLibrary, String tlaPath) {
    List<Path> out = new ArrayList<>(lib);
    for (String value : new String[] {tlaLibrary, tlaPath}) {
      for (Path p : ModuleLocator.parsePath(value)) {
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
