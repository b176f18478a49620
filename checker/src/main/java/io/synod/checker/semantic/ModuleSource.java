package io.synod.checker.semantic;

import java.util.Objects;

/**
 * The text of a module found by {@link ModuleLocator}.
 *
 * @param name the module name
 * @param file the file name shown in diagnostics (a path, or the bare file name of a standard module)
 * @param text the module text
 * @param standard whether it is one of Synod's standard modules
 */
public record ModuleSource(String name, String file, String text, boolean standard) {
    public ModuleSource {
        Objects.requireNonNull(name);
        Objects.requireNonNull(file);
        Objects.requireNonNull(text);
    }
}
