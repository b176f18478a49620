package io.synod.checker.semantic;

import io.synod.checker.syntax.Diagnostic;
import io.synod.checker.syntax.ParseException;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Subexpressions;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a root module and, transitively, every module it names in EXTENDS or INSTANCE (also in
 * nested modules and in LETs), found by a {@link ModuleLocator}. Reports missing modules, circular
 * dependencies, parse errors in any module and a module whose name differs from its file's.
 *
 * <p>This is the one loader of Synod: {@code synod parse} and {@code synod check} both use it, so
 * they judge the same modules. Modules are parsed in SANY's order (the root, then all modules a
 * module EXTENDS before any of them is visited; the modules it INSTANCEs wait, the group met last
 * being read first), which is also the order in which TLC interns names; a {@link Listener} sees
 * each file as it is parsed.
 */
public final class ModuleLoader {

    /** Told of each module source before it is parsed and of each parse failure; may throw to stop. */
    public interface Listener {
        /** Called before {@code source} is parsed. */
        default void parsing(ModuleSource source) {
        }

        /** Called when {@code source} does not parse (the errors are also collected). */
        default void parseFailed(ModuleSource source, ParseException error) {
        }

        /**
         * Whether a module found after the root module in the root's file is numbered from its own
         * header (as TLC, which copies it to a file of its own) rather than by its lines in the file.
         */
        default boolean sectionLinesOfTheirOwn() {
            return false;
        }
    }

    private static final Listener SILENT = new Listener() {
    };

    private final ModuleLocator locator;
    private final Map<String, Module> standardCache;
    private final Listener listener;
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final List<Module> parsed = new ArrayList<>();
    private final Set<String> nested = new java.util.HashSet<>();
    private final List<String> standard = new ArrayList<>();
    private final List<SemanticDiagnostic> errors = new ArrayList<>();
    private final String rootFile;
    private final String rootText;

    private ModuleLoader(ModuleLocator locator, Map<String, Module> standardCache, Listener listener,
            String rootFile, String rootText) {
        this.locator = locator;
        this.standardCache = standardCache;
        this.listener = listener;
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
        return load(file, text, locator, standardCache, SILENT);
    }

    /** Like {@link #load(String, String, ModuleLocator, Map)}, telling {@code listener} of each file. */
    public static LoadedSpec load(String file, String text, ModuleLocator locator, Map<String, Module> standardCache,
            Listener listener) throws SemanticException {
        ModuleLoader loader = new ModuleLoader(locator, standardCache, listener, file, text);
        String expected = baseName(file);
        Module root = loader.parse(new ModuleSource(expected, file, text, false));
        if (root == null) {
            throw new SemanticException(loader.errors);
        }
        if (!expected.equals(root.name())) {
            // SANY stops here: the other modules are not read
            throw new SemanticException(List.of(new SemanticDiagnostic(root.span(), "File name '" + expected
                    + "' does not match the name '" + root.name() + "' of the top level module it contains.")));
        }
        loader.modules.put(root.name(), root);
        loader.parsed.add(root);
        loader.readAll(root);
        List<String> order = loader.errors.isEmpty() ? loader.order(root) : List.of();
        if (!loader.errors.isEmpty()) {
            throw new SemanticException(loader.errors);
        }
        return new LoadedSpec(root, loader.modules, order, loader.standard, loader.parsed);
    }

    /** Reads every module {@code root} depends on, in SANY's order. */
    private void readAll(Module root) {
        Deque<List<Name>> instances = new ArrayDeque<>();
        visit(root, instances);
        while (!instances.isEmpty()) {
            for (Name name : instances.pop()) {
                Module m = read(name);
                if (m != null) {
                    visit(m, instances);
                }
            }
        }
    }

    private void visit(Module m, Deque<List<Name>> instances) {
        List<Module> read = new ArrayList<>();
        for (Name ext : m.extendsList()) {
            Module e = read(ext);
            if (e != null) {
                read.add(e);
            }
        }
        for (Module e : read) {
            visit(e, instances);
        }
        List<Name> group = new ArrayList<>();
        collectInstances(m, group);
        if (!group.isEmpty()) {
            instances.push(group);
        }
    }

    /** The modules instantiated in {@code m} (nested modules and LETs included), and those nested modules extend. */
    private void collectInstances(Module m, List<Name> group) {
        for (Unit u : m.units()) {
            if (u instanceof Unit.InstanceDef inst) {
                group.add(inst.module());
            } else if (u instanceof Module inner) {
                modules.putIfAbsent(inner.name(), inner);
                nested.add(inner.name());
                group.addAll(inner.extendsList());
                collectInstances(inner, group);
            } else if (u instanceof Unit.OpDef def) {
                letInstances(def.body(), group);
            } else if (u instanceof Unit.FunctionDef def) {
                letInstances(def.body(), group);
            }
        }
    }

    /** The modules instantiated by INSTANCEs inside the LETs of {@code e}, at any depth. */
    private static void letInstances(Expr e, List<Name> group) {
        Deque<Expr> work = new ArrayDeque<>();
        work.push(e);
        while (!work.isEmpty()) {
            Expr x = work.pop();
            if (x instanceof Expr.Let let) {
                for (Unit.Definition d : let.definitions()) {
                    if (d instanceof Unit.InstanceDef inst) {
                        group.add(inst.module());
                    }
                }
            }
            Subexpressions.direct(x).forEach(work::push);
        }
    }

    /** Module {@code ref} newly read, or null when it was read before or cannot be. */
    private Module read(Name ref) {
        String name = ref.text();
        if (modules.containsKey(name)) {
            return null;
        }
        Optional<ModuleSource> source;
        try {
            source = locator.locate(name);
        } catch (java.io.UncheckedIOException e) {
            fail(ref, new SemanticDiagnostic(ref.span(), "Cannot read the file of module " + name
                    + " imported in module " + ref.span().module() + ": " + e.getCause().getMessage()));
            return null;
        }
        if (source.isEmpty()) {
            // as TLC: a module with no file of its own may follow the root module in the root's file
            source = TlaParser.moduleSection(rootText, name, !listener.sectionLinesOfTheirOwn())
                    .map(text -> new ModuleSource(name, rootFile, text, false));
        }
        if (source.isEmpty()) {
            fail(ref, new SemanticDiagnostic(ref.span(), "Cannot find source file for module " + name
                    + " imported in module " + ref.span().module() + ".", locator.searchedPlaces()));
            return null;
        }
        boolean standardModule = source.get().standard();
        Module module = standardModule ? standardCache.get(name) : null;
        if (module == null) {
            module = parse(source.get());
            if (module == null) {
                modules.put(name, null);
                return null;
            }
            if (standardModule) {
                standardCache.put(name, module);
            }
        } else {
            listener.parsing(source.get());
        }
        if (!module.name().equals(name)) {
            fail(ref, new SemanticDiagnostic(module.span(), "File name '" + name
                    + "' does not match the name '" + module.name() + "' of the top level module it contains."));
            return null;
        }
        if (standardModule) {
            standard.add(name);
        }
        modules.put(name, module);
        parsed.add(module);
        return module;
    }

    /** Records a module that cannot be read; it is not looked for again. */
    private void fail(Name ref, SemanticDiagnostic d) {
        errors.add(d);
        modules.put(ref.text(), null);
    }

    private Module parse(ModuleSource source) {
        listener.parsing(source);
        try {
            return TlaParser.parseModule(source.text(), source.file());
        } catch (ParseException e) {
            listener.parseFailed(source, e);
            for (Diagnostic d : e.diagnostics()) {
                errors.add(new SemanticDiagnostic(
                        new Span(source.name(), d.file(), d.line(), d.column(), d.line(), d.column()), d.message()));
            }
            return null;
        }
    }

    /**
     * The file modules in dependency order (a module after everything it extends or
     * instantiates), depth-first in the order the names are written, as SANY processes them; a
     * module that depends on itself is an error.
     */
    private List<String> order(Module root) {
        Set<String> done = new LinkedHashSet<>();
        orderVisit(root, done, new LinkedHashSet<>());
        return List.copyOf(done);
    }

    private void orderVisit(Module m, Set<String> done, Set<String> active) {
        if (done.contains(m.name())) {
            return;
        }
        active.add(m.name());
        for (Name n : m.extendsList()) {
            orderEnter(n, done, active);
        }
        for (Unit u : m.units()) {
            if (u instanceof Unit.InstanceDef i) {
                orderEnter(i.module(), done, active);
            } else if (u instanceof Unit.OpDef || u instanceof Unit.FunctionDef) {
                List<Name> inLet = new ArrayList<>();
                letInstances(u instanceof Unit.OpDef d ? d.body() : ((Unit.FunctionDef) u).body(), inLet);
                for (Name n : inLet) {
                    orderEnter(n, done, active);
                }
            } else if (u instanceof Module inner) {
                // the modules a nested module extends are processed before it, inside its parent
                for (Name n : inner.extendsList()) {
                    if (!nested.contains(n.text())) {
                        orderEnter(n, done, active);
                    }
                }
            }
        }
        active.remove(m.name());
        if (!nested.contains(m.name())) {
            // SANY reports modules of their own, not those written inside another
            done.add(m.name());
        }
    }

    private void orderEnter(Name ref, Set<String> done, Set<String> active) {
        if (active.contains(ref.text())) {
            List<String> cycle = new ArrayList<>();
            boolean on = false;
            for (String a : active) {
                on |= a.equals(ref.text());
                if (on) {
                    cycle.add(a);
                }
            }
            cycle.add(ref.text());
            errors.add(new SemanticDiagnostic(ref.span(),
                    "Circular dependency among modules: " + String.join(" -> ", cycle) + "."));
            return;
        }
        Module m = modules.get(ref.text());
        if (m != null) {
            orderVisit(m, done, active);
        }
    }

    private static String baseName(String file) {
        String name = java.nio.file.Path.of(file).getFileName().toString();
        return name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name;
    }
}
