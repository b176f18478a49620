package io.synod.cli;

import java.util.List;

/**
 * The subcommands of {@code synod}, in the order {@code --help} lists them. One line per
 * command keeps additions from different modules easy to merge.
 */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    // An array initializer, so that every line (the last one too) can end with a comma.
    return List.of(new Object[] {
        // new commands go here, one per line
        new ParseCommand(),
        new CheckCommand(),
        new LinCommand(),
        new GateCommand(),
        new SimCommand(),
        new ViewCommand(),
        new TraceCommand(),
        new ClusterCommand(),
        });
  }
}
