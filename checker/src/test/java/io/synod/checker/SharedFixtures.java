package io.synod.checker;

import io.synod.testkit.FixtureManifest;
import io.synod.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which TLC fixtures a test covers, and where they are. */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /**
     * Folders 01-35 are the first corpus, which every fixture test has always covered in full.
     * Later folders (36 and up) are admitted to a test one by one, by an explicit set in that test,
     * as the checker comes to handle them: a new fixture must not turn CI red, and an admitted one
     * is never checked less than the first corpus is.
     */
    public static boolean firstCorpus(String folder) {
        return folderNumber(folder) <= 35;
    }

    /**
     * True when {@code key} (a folder, or {@code folder/file}) is in the first corpus, or it or its
     * folder is in {@code admitted}.
     */
    public static boolean admitted(String key, Set<String> admitted) {
        String name = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        return firstCorpus(name) || admitted.contains(name) || admitted.contains(key);
    }

    /**
     * The manifest's models that a test with the list {@code admitted} covers (see
     * {@link #admitted}); none when the fixtures are absent.
     */
    public static List<FixtureManifest.Model> admittedModels(Set<String> admitted) throws IOException {
        return FixtureManifest.models(key -> admitted(key, admitted));
    }

    private static int folderNumber(String folder) {
        int end = 0;
        while (end < folder.length() && Character.isDigit(folder.charAt(end))) {
            end++;
        }
        return end == 0 ? Integer.MAX_VALUE : Integer.parseInt(folder.substring(0, end));
    }

    /** The {@code tlc-fixtures/specs} folder (see {@link SharedData#locate}). */
    public static Optional<Path> specs() {
        return SharedData.tlcSpecs();
    }
}
