package io.synod.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Members in separate JVMs on this machine ({@code --local-members N}): for tests and laptops.
 * Each runs {@code synod cluster member} on a free loopback port, joining the others; their
 * output goes to a log file each, shown when a member fails to start.
 */
public final class LocalCluster implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final List<String> addresses = new ArrayList<>();

  private LocalCluster() {}

  /**
   * Starts {@code n} members: {@code java [jvmOptions] -cp <this JVM's class path> mainClass
   * cluster member --host 127.0.0.1 --port P --join <all>}.
   */
  public static LocalCluster start(int n, String mainClass, List<String> jvmOptions)
      throws IOException {
    LocalCluster c = new LocalCluster();
    List<Integer> ports = freePorts(n);
    for (int p : ports) {
      c.addresses.add("127.0.0.1:" + p);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    try {
      for (int i = 0; i < n; i++) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        String override = System.getProperty("synod.cluster.version");
        if (override != null) {
          cmd.add("-Dsynod.cluster.version=" + override);
        }
        cmd.addAll(List.of("-cp", cp, mainClass, "cluster", "member", "--host", "127.0.0.1",
            "--port", String.valueOf(ports.get(i)), "--join", String.join(",", c.addresses)));
        Path log = Files.createTempFile("synod-member-" + i + "-", ".log");
        c.logs.add(log);
        c.processes.add(new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start());
      }
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** {@code n} loopback ports free a moment ago (a member that finds one taken says so). */
  public static List<Integer> freePorts(int n) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports.add(s.getLocalPort());
      }
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
    return ports;
  }

  public List<String> addresses() {
    return addresses;
  }

  /** The member processes, in start order (tests kill one to see the check survive it). */
  public List<Process> processes() {
    return processes;
  }

  /** What the members that already exited printed (why a cluster did not form). */
  public String exitedMembersOutput() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < processes.size(); i++) {
      if (!processes.get(i).isAlive()) {
        try {
          sb.append("member ").append(i).append(" exited with ")
              .append(processes.get(i).exitValue()).append(": ")
              .append(Files.readString(logs.get(i)).strip()).append('\n');
        } catch (IOException e) {
          sb.append("member ").append(i).append(" exited\n");
        }
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    for (Path l : logs) {
      try {
        Files.deleteIfExists(l);
      } catch (IOException e) {
        // a temporary file; the OS cleans it up
      }
    }
  }
}
