package io.synod.checker.semantic;

import io.synod.checker.stdlib.StandardModules;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the file of a module named in EXTENDS or INSTANCE, in TLC's order: the folder of the root
 * specification, then the {@code -lib} folders, then the folders of {@code TLA_PATH}, and last
 * Synod's standard modules. A user file therefore shadows a standard module of the same name.
 */
public final class ModuleLocator {

    private final List<Path> folders;

    /**
     * @param specFolder the folder of the root specification
     * @param libraryFolders the {@code -lib} folders, in order
     * @param tlaPath the folders of the {@code TLA_PATH} environment variable, in order
     */
    public ModuleLocator(Path specFolder, List<Path> libraryFolders, List<Path> tlaPath) {
        List<Path> all = new ArrayList<>();
        all.add(specFolder);
        all.addAll(libraryFolders);
        all.addAll(tlaPath);
        this.folders = List.copyOf(all);
    }

    /** A locator that looks only next to the specification and in the standard modules. */
    public static ModuleLocator forSpec(Path specFile) {
        Path folder = specFile.toAbsolutePath().getParent();
        return new ModuleLocator(folder == null ? Path.of(".") : folder, List.of(), List.of());
    }

    /** The folders of a {@code TLA_PATH} value (separated by the platform path separator). */
    public static List<Path> parsePath(String value) {
        List<Path> paths = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
        }
        return paths;
    }

    /** The places searched, for the error of a module found in none of them. */
    public String searchedPlaces() {
        return describeSearch(folders);
    }

    /**
     * {@code Synod looked in: F1, F2, and its standard modules (...)}: what a user needs to see
     * why a module was not found (a folder missing from {@code -lib} or {@code TLA_PATH}).
     *
     * @param folders the folders searched, in order
     */
    public static String describeSearch(List<Path> folders) {
        StringBuilder sb = new StringBuilder("Synod looked in: ");
        for (Path folder : folders) {
            sb.append(folder).append(", ");
        }
        return sb.append("and its standard modules (").append(String.join(", ", StandardModules.names()))
                .append(")").toString();
    }

    /** The source of module {@code name}, if any folder or the standard library has it. */
    public Optional<ModuleSource> locate(String name) {
        for (Path folder : folders) {
            Path file = folder.resolve(name + ".tla");
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(new ModuleSource(name, file.toString(),
                            io.synod.checker.syntax.TextFiles.read(file), false));
                } catch (IOException e) {
                    throw new UncheckedIOException(e instanceof io.synod.checker.syntax.TextFiles.MalformedTextException
                            ? e.getMessage() : "cannot read " + file, e);
                }
            }
        }
        return StandardModules.source(name).map(text -> new ModuleSource(name, name + ".tla", text, true));
    }
}
