package dev.stacks.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as a script would run them: exit codes, messages and the folders they touch. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        return Main.run(args);
    }

    private String[] folders(String... rest) {
        String[] args = new String[rest.length + 4];
        System.arraycopy(rest, 0, args, 0, rest.length);
        args[rest.length] = "--corpus";
        args[rest.length + 1] = dir.resolve("corpus").toString();
        args[rest.length + 2] = "--index";
        args[rest.length + 3] = dir.resolve("index").toString();
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "ingest", "reindex", "search", "stats", "delete", "keys"})
    void every_command_has_help(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: stacks " + command);
    }

    @Test
    void ingest_then_search_finds_the_document_and_a_rejected_file_makes_the_exit_code_non_zero() throws Exception {
        Path drop = dir.resolve("drop");
        Files.createDirectories(drop);
        Files.writeString(drop.resolve("a.txt"), "Quarry flooded\n\nThe old quarry near Trier flooded after the storm.");
        assertThat(run(folders("ingest", drop.toString()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("indexed").contains("1 files").contains("report: ");
        try (var reports = Files.list(dir.resolve("corpus/.stacks/reports"))) {
            assertThat(reports).hasSize(1);
        }

        out.reset();
        assertThat(run(folders("search", "quarry flooded"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 hits").contains("Quarry flooded").contains("[quarry]");

        Files.write(drop.resolve("empty.pdf"), new byte[0]);
        Path report = dir.resolve("report.json");
        out.reset();
        assertThat(run(folders("ingest", drop.toString(), "--report", report.toString()))).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rejected: empty.pdf: empty file");
        assertThat(Files.readString(report)).contains("\"outcome\" : \"rejected\"").contains("\"reason\" : \"empty file\"");
    }

    @Test
    void a_missing_folder_is_a_clear_error_with_exit_code_1() {
        assertThat(run(folders("ingest", dir.resolve("nowhere").toString()))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: no such file or folder").contains("nowhere");
    }

    @Test
    void a_query_syntax_error_is_reported_without_a_stack_trace() {
        assertThat(run(folders("search", "\"unclosed"))).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never closed").doesNotContain("Exception", "\tat ");
    }

    @Test
    void an_unknown_option_says_so_with_exit_code_2() {
        assertThat(run("ingest", "--colour", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--colour'");
    }

    @Test
    void keys_create_prints_the_key_alone_on_the_last_line_and_revoke_removes_it() {
        assertThat(run("keys", "create", "librarian", "--corpus", dir.resolve("corpus").toString())).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("stk_[A-Za-z0-9_-]{43}");
        out.reset();
        assertThat(run("keys", "list", "--corpus", dir.resolve("corpus").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("librarian\t");
        assertThat(run("keys", "revoke", "librarian", "--corpus", dir.resolve("corpus").toString())).isZero();
        assertThat(run("keys", "revoke", "librarian", "--corpus", dir.resolve("corpus").toString())).isEqualTo(1);
    }
}
