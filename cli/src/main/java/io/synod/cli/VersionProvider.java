package io.synod.cli;

import picocli.CommandLine;

/** Reports the version stamped into the jar manifest by the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Synod.class.getPackage().getImplementationVersion();
    return new String[] {
      "synod " + (v == null ? "development build" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
