package dev.stacks.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** One line that says what went wrong, for the terminal. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }
}
