package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryPathTest {

  @Test
  void libFoldersThenTlaLibraryThenTlaPath() {
    String sep = File.pathSeparator;
    assertEquals(List.of(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("d")),
        LibraryPath.of(List.of(Path.of("a")), "b" + sep + "c", "d" + sep + "b" + sep));
  }

  @Test
  void nothingSetLeavesTheLibFolders() {
    assertEquals(List.of(Path.of("x")), LibraryPath.of(List.of(Path.of("x")), null, null));
    assertEquals(List.of(), LibraryPath.of(List.of(), "", " "));
  }
}
