package io.synod.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleBundlerTest {
  @Test
  void modulesComeAfterWhatTheyImportAndExportAnObject() {
    String out = ModuleBundler.bundle(Map.of(
        "app.js", "import { twice, Name as N } from './lib.js';\nconsole.log(twice(2), N);\n",
        "lib.js", "export function twice(x) { return 2 * x; }\nexport const Name = 'lib';\nconst hidden = 1;\n"),
        "app.js", null);
    assertTrue(out.indexOf("__synodModules[\"lib.js\"]") < out.indexOf("__synodModules[\"app.js\"]"), out);
    assertTrue(out.contains("const { twice, Name: N } = __synodModules[\"lib.js\"];"), out);
    assertTrue(out.contains("function twice(x)") && !out.contains("export"), out);
    assertTrue(out.contains("return { twice, Name };"), out);
  }

  @Test
  void aModuleImportedTwiceIsBundledOnce() {
    String out = ModuleBundler.bundle(Map.of(
        "a.js", "import { x } from './c.js';\nimport { y } from './b.js';\n",
        "b.js", "import { x } from './c.js';\nexport const y = x;\n",
        "c.js", "export const x = 1;\n"), "a.js", "probe");
    assertEquals(1, out.split("__synodModules\\[\"c.js\"\\] =", -1).length - 1);
    assertTrue(out.endsWith("window.probe = __synodModules;\n"));
  }

  @Test
  void formsItCannotBundleAreRejected() {
    assertThrows(ModuleBundler.BundleException.class,
        () -> ModuleBundler.bundle(Map.of("a.js", "export default function f() {}\n"), "a.js", null));
    assertThrows(ModuleBundler.BundleException.class,
        () -> ModuleBundler.bundle(Map.of("a.js", "import * as m from './b.js';\n", "b.js", ""), "a.js", null));
    var missing = assertThrows(ModuleBundler.BundleException.class,
        () -> ModuleBundler.bundle(Map.of("a.js", "import { f } from './gone.js';\n"), "a.js", null));
    assertEquals("no module gone.js", missing.getMessage());
    assertThrows(ModuleBundler.BundleException.class, () -> ModuleBundler.bundle(Map.of(
        "a.js", "import { f } from './b.js';\nexport const g = 1;\n",
        "b.js", "import { g } from './a.js';\nexport const f = 1;\n"), "a.js", null));
    assertThrows(ModuleBundler.BundleException.class,
        () -> ModuleBundler.bundle(Map.of("a.js", "const s = '</script>';\n"), "a.js", null));
  }

  @Test
  void theViewersOwnModulesBundle() {
    String out = ModuleBundler.bundle(WebAssets.modules(), "app.js", "synodViewer");
    for (String m : WebAssets.MODULES) {
      assertTrue(out.contains("__synodModules[\"" + m + "\"] = "), m);
    }
  }
}
