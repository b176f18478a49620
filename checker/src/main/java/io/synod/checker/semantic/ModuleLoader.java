package io.synod.checker.semantic;

import io.synod.checker.syntax.Diagnostic;
import io.synod.checker.syntax.ParseException;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a root module and, transitively, every module it names in EXTENDS or INSTANCE, found by a
 * {@link ModuleLocator}. Reports missing modules, circular dependencies, parse errors in any
 * module and a root module whose name differs from its file's.
 */
public final class ModuleLoader {

    private final ModuleLocator locator;
    private final Map<String, Module> standardCache;
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<String> standard = new ArrayList<>();
    private final Deque<String> loading = new ArrayDeque<>();
    private final List<SemanticDiagnostic> errors = new ArrayList<>();
    private final String rootFile;
    private final String rootText;

    private ModuleLoader(ModuleLocator locator, Map<String, Module> standardCache, String rootFile,
            String rootText) {
        this.locator = locator;
        this.standardCache = standardCache;
        this.rootFile = rootFile;
        this.rootText = rootText;
    }

    /**
     * Loads the specification whose root module has text {@code text} in file {@code file}.
     *
     * @throws SemanticException listing every problem found
     */
    public static LoadedSpec load(String file, String text, ModuleLocator locator) throws SemanticException {
        return load(file, text, locator, new HashMap<>());
    }

    /**
     * Like {@link #load(String, String, ModuleLocator)}, reusing the standard modules already
     * parsed into {@code standardCache} (and adding those it parses): callers that analyse many
     * specifications keep one cache, which must not be shared between threads.
     */
    public static LoadedSpec load(String file, String text, ModuleLocator locator, Map<String, Module> standardCache)
            throws SemanticException {
        ModuleLoader loader = new ModuleLoader(locator, standardCache, file, text);
        Module root = loader.parse(file, text, null);
        if (root == null) {
            throw new SemanticException(loader.errors);
        }
        String expected = baseName(file);
        if (!expected.equals(root.name())) {
            loader.errors.add(new SemanticDiagnostic(root.span(), "File name '" + expected
                    + "' does not match the name '" + root.name() + "' of the top level module it contains."));
        }
        loader.enter(root);
        if (!loader.errors.isEmpty()) {
            throw new SemanticException(loader.errors);
        }
        return new LoadedSpec(root, loader.modules, loader.order, loader.standard);
    }

    private void enter(Module module) {
        loading.push(module.name());
        modules.put(module.name(), module);
        Set<String> inner = new HashSet<>();
        collectInner(module, inner);
        for (Name dependency : dependencies(module)) {
            if (!inner.contains(dependency.text())) {
                require(dependency, module.name());
            }
        }
        loading.pop();
        order.add(module.name());
    }

    private void require(Name dependency, String importer) {
        String name = dependency.text();
        if (loading.contains(name)) {
            List<String> cycle = new ArrayList<>();
            for (String m : loading) {
                cycle.add(0, m);
                if (m.equals(name)) {
                    break;
                }
            }
            cycle.add(name);
            errors.add(new SemanticDiagnostic(dependency.span(),
                    "Circular dependency among modules: " + String.join(" -> ", cycle) + "."));
            return;
        }
        if (modules.containsKey(name) || order.contains(name)) {
            return;
        }
        Optional<ModuleSource> source;
        try {
            source = locator.locate(name);
        } catch (java.io.UncheckedIOException e) {
            errors.add(new SemanticDiagnostic(dependency.span(), "Cannot read the file of module " + name
                    + " imported in module " + importer + ": " + e.getCause().getMessage()));
            return;
        }
        if (source.isEmpty()) {
            // as TLC: a module with no file of its own may follow the root module in the root's file
            source = TlaParser.moduleSection(rootText, name).map(text -> new ModuleSource(name, rootFile, text, false));
        }
        if (source.isEmpty()) {
            errors.add(new SemanticDiagnostic(dependency.span(),
                    "Cannot find source file for module " + name + " imported in module " + importer + ".",
                    locator.searchedPlaces()));
            return;
        }
        boolean standardModule = source.get().standard();
        Module module = standardModule ? standardCache.get(name) : null;
        if (module == null) {
            module = parse(source.get().file(), source.get().text(), name);
            if (module == null) {
                return;
            }
            if (standardModule) {
                standardCache.put(name, module);
            }
        }
        if (!module.name().equals(name)) {
            errors.add(new SemanticDiagnostic(module.span(), "File name '" + name
                    + "' does not match the name '" + module.name() + "' of the top level module it contains."));
            return;
        }
        if (standardModule) {
            standard.add(name);
        }
        enter(module);
    }

    private Module parse(String file, String text, String moduleName) {
        try {
            return TlaParser.parseModule(text, file);
        } catch (ParseException e) {
            for (Diagnostic d : e.diagnostics()) {
                String module = moduleName != null ? moduleName : baseName(file);
                errors.add(new SemanticDiagnostic(
                        new Span(module, d.file(), d.line(), d.column(), d.line(), d.column()), d.message()));
            }
            return null;
        }
    }

    /** Modules named in EXTENDS and INSTANCE anywhere in {@code module}, nested modules included. */
    private static List<Name> dependencies(Module module) {
        List<Name> names = new ArrayList<>(module.extendsList());
        for (Unit unit : module.units()) {
            if (unit instanceof Unit.InstanceDef instance) {
                names.add(instance.module());
            } else if (unit instanceof Module nested) {
                names.addAll(dependencies(nested));
            }
        }
        return names;
    }

    private void collectInner(Module module, Set<String> names) {
        for (Module nested : module.units(Module.class)) {
            names.add(nested.name());
            modules.put(nested.name(), nested);
            collectInner(nested, names);
        }
    }

    private static String baseName(String file) {
        String name = java.nio.file.Path.of(file).getFileName().toString();
        return name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name;
    }
}
