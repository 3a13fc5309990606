package dev.keyledger.query.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's fixed list of files and the folder they come from stay one and the same. */
class ConsoleAssetsTest {

    private static final Path FOLDER = Path.of("src/main/resources/console");

    @Test
    void whenAFileIsAddedToTheConsoleFolder_thenTheManifestMustNameIt() throws IOException {
        List<String> manifest = Files.readAllLines(FOLDER.resolve("assets.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("assets.txt")))
                    .containsExactlyInAnyOrderElementsOf(manifest);
        }
    }

    @Test
    void whenLoaded_thenEveryListedFileIsFoundByItsExactNameOnly() {
        ConsoleAssets assets = new ConsoleAssets();
        assertThat(assets.find("app.js")).hasValueSatisfying(asset -> {
            assertThat(asset.mediaType().toString()).isEqualTo("text/javascript;charset=UTF-8");
            assertThat(asset.entityTag()).matches("\"[0-9a-f]{24}\"");
        });
        assertThat(assets.find("index.html")).isPresent();
        for (String absent : List.of("assets.txt", "APP.JS", "./app.js", "../console/app.js", "app.js/", "", "x")) {
            assertThat(assets.find(absent)).as(absent).isEmpty();
        }
    }
}
