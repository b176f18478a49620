package io.synod.checker.eval;

import io.synod.checker.stdlib.StandardModules;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and parses the modules a specification uses: the root module, then every module it
 * EXTENDS or INSTANCEs, looked up among the nested modules seen so far, in the root's folder, in
 * the library paths, and last among Synod's standard modules. Modules are parsed in TLC's order
 * (root first, then depth-first in the order the names are written), which is also the order in
 * which their names get interned.
 */
public final class ModuleLoader {

  /** Parses one module's text; implementations report syntax errors with unchecked exceptions. */
  @FunctionalInterface
  public interface Parser {
    Module parse(String text, String fileName);

    /** Parses module {@code moduleName} found in a section of the root module's file. */
    default Module parseSection(String text, String rootFileName, String moduleName) {
      return parse(text, rootFileName);
    }
  }

  private final Parser parser;
  private final List<Path> searchPaths;
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private final List<Module> parseOrder = new ArrayList<>();
  private final java.util.Set<String> nested = new java.util.HashSet<>();
  private final List<String> standard = new ArrayList<>();
  private String rootText = "";
  private String rootFileName = "";

  /**
   * @param parser turns text into a module
   * @param searchPaths folders searched in order (the root module's folder first)
   */
  public ModuleLoader(Parser parser, List<Path> searchPaths) {
    this.parser = parser;
    this.searchPaths = List.copyOf(searchPaths);
  }

  /** Parses the root module and, transitively, every module it depends on. */
  public Module loadRoot(Path file) {
    String text;
    try {
      text = io.synod.checker.syntax.TextFiles.read(file);
    } catch (IOException e) {
      throw new SpecException(SpecException.Kind.SEMANTIC, e instanceof io.synod.checker.syntax.TextFiles.MalformedTextException
          ? e.getMessage() : "Cannot read " + file + ": " + e.getMessage());
    }
    return loadText(text, file.toString());
  }

  /** Parses a root module given as text (file name for messages) and its dependencies. */
  public Module loadText(String text, String fileName) {
    rootText = text;
    rootFileName = fileName;
    Module root = parser.parse(text, fileName);
    modules.putIfAbsent(root.name(), root);
    parseOrder.add(root);
    java.util.ArrayDeque<List<Name>> instances = new java.util.ArrayDeque<>();
    visit(root, instances);
    // SANY's order: a module's EXTENDS are all read before any is visited; the modules a
    // module INSTANCEs wait, the group met last being read first
    while (!instances.isEmpty()) {
      for (Name name : instances.pop()) {
        if (!modules.containsKey(name.text())) {
          Module m = parseNamed(name);
          modules.put(m.name(), m);
          parseOrder.add(m);
          visit(m, instances);
        }
      }
    }
    return root;
  }

  /** The module named {@code name}, which must have been loaded. */
  public Module get(String name) {
    Module m = modules.get(name);
    if (m == null) {
      throw new SpecException(SpecException.Kind.SEMANTIC, "Cannot find source file for module " + name + ".");
    }
    return m;
  }

  /** The folder searched first (the root module's), or null when there is none. */
  public Path firstFolder() {
    return searchPaths.isEmpty() ? null : searchPaths.get(0);
  }

  /** Every loaded module by name, nested modules included. */
  public java.util.Map<String, Module> modules() {
    return java.util.Collections.unmodifiableMap(modules);
  }

  /** The names of the modules read from Synod's standard library. */
  public List<String> standardModules() {
    return List.copyOf(standard);
  }

  /** True for a module written inside another one, which sees that module's names. */
  public boolean isNested(String name) {
    return nested.contains(name);
  }

  /** Every loaded module in parse order (nested modules after their parent). */
  public List<Module> parseOrder() {
    return List.copyOf(parseOrder);
  }

  private void visit(Module m, java.util.Deque<List<Name>> instances) {
    List<Module> read = new ArrayList<>();
    for (Name ext : m.extendsList()) {
      if (!modules.containsKey(ext.text())) {
        Module e = parseNamed(ext);
        modules.put(e.name(), e);
        parseOrder.add(e);
        read.add(e);
      }
    }
    for (Module e : read) {
      visit(e, instances);
    }
    List<Name> group = new ArrayList<>();
    collectInstances(m, group, instances);
    if (!group.isEmpty()) {
      instances.push(group);
    }
  }

  private void collectInstances(Module m, List<Name> group, java.util.Deque<List<Name>> instances) {
    for (Unit u : m.units()) {
      if (u instanceof Unit.InstanceDef inst) {
        group.add(inst.module());
      } else if (u instanceof Module nested) {
        modules.putIfAbsent(nested.name(), nested);
        this.nested.add(nested.name());
        for (Name ext : nested.extendsList()) {
          group.add(ext);
        }
        collectInstances(nested, group, instances);
      } else if (u instanceof Unit.OpDef def) {
        letInstances(def.body(), group);
      } else if (u instanceof Unit.FunctionDef def) {
        letInstances(def.body(), group);
      }
    }
  }

  /** The modules instantiated by INSTANCEs inside the LETs of {@code e}, at any depth. */
  private static void letInstances(io.synod.checker.syntax.ast.Expr e, List<Name> group) {
    java.util.ArrayDeque<io.synod.checker.syntax.ast.Expr> work = new java.util.ArrayDeque<>();
    work.push(e);
    while (!work.isEmpty()) {
      io.synod.checker.syntax.ast.Expr x = work.pop();
      if (x instanceof io.synod.checker.syntax.ast.Expr.Let let) {
        for (Unit.Definition d : let.definitions()) {
          if (d instanceof Unit.InstanceDef inst) {
            group.add(inst.module());
          } else if (d instanceof Unit.OpDef od) {
            work.push(od.body());
          } else if (d instanceof Unit.FunctionDef fd) {
            work.push(fd.body());
          }
        }
      }
      io.synod.checker.syntax.ast.Selectors.children(x).forEach(work::push);
    }
  }

  private Module parseNamed(Name ref) {
    String name = ref.text();
    for (Path dir : searchPaths) {
      Path p = dir.resolve(name + ".tla");
      if (Files.isRegularFile(p)) {
        String text;
        try {
          text = io.synod.checker.syntax.TextFiles.read(p);
        } catch (IOException e) {
          throw new SpecException(SpecException.Kind.SEMANTIC, e instanceof io.synod.checker.syntax.TextFiles.MalformedTextException
              ? e.getMessage() : "Cannot read " + p + ": " + e.getMessage());
        }
        return parser.parse(text, p.toString());
      }
    }
    java.util.Optional<String> std = StandardModules.source(name);
    if (std.isPresent()) {
      standard.add(name);
      return parser.parse(std.get(), name + ".tla");
    }
    // as TLC: a module with no file of its own may follow the root module in the root's file
    String section = io.synod.checker.syntax.TlaParser.moduleSection(rootText, name, false).orElseThrow(
        () -> new SpecException(SpecException.Kind.SEMANTIC, "Cannot find source file for module "
            + name + " imported in module " + ref.span().module() + ".", ref.span(),
            io.synod.checker.semantic.ModuleLocator.describeSearch(searchPaths)));
    return parser.parseSection(section, rootFileName, name);
  }
}
