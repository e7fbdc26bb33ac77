package dev.stacks.extract;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.xml.sax.ContentHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves each attachment of a message to its own file instead of inlining its text, so that the
 * message's text is its own and each attachment can be extracted, archived and found as a document
 * of its own. Bytes are charged to the file's {@link EmbeddedBudget} while they are written.
 */
final class AttachmentSaver implements EmbeddedDocumentExtractor {

    /** One saved attachment: its bytes and the file name it goes by. */
    record Saved(Path file, String name) {
    }

    private final AttachmentFiles files;
    private final EmbeddedBudget budget;
    private final int depth;
    private final MimeTypes types;
    private final List<Saved> saved = new ArrayList<>();

    /** @param depth the depth of the attachments (1 for a top-level message's own) */
    AttachmentSaver(AttachmentFiles files, EmbeddedBudget budget, int depth, MimeTypes types) {
        this.files = files;
        this.budget = budget;
        this.depth = depth;
        this.types = types;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return budget.admit(depth);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) throws IOException {
        Path file = files.create();
        saved.add(new Saved(file, name(metadata, saved.size() + 1)));
        try (OutputStream out = Files.newOutputStream(file)) {
            new BudgetedInputStream(stream, budget).transferTo(out);
        }
    }

    List<Saved> saved() {
        return List.copyOf(saved);
    }

    /**
     * The attachment's own file name reduced to a safe base name (the sender chose it: it may hold
     * folders, "..", control characters), or "attachment-N.ext" from its declared type when it has none.
     */
    private String name(Metadata metadata, int number) {
        String declared = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (declared != null) {
            String base = declared.substring(Math.max(declared.lastIndexOf('/'), declared.lastIndexOf('\\')) + 1);
            base = Normalizer.normalize(base, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\\uFFFD]", "").strip();
            if (!base.isEmpty() && !base.equals(".") && !base.equals("..")) {
                return base;
            }
        }
        return "attachment-" + number + extension(metadata.get(Metadata.CONTENT_TYPE));
    }

    private String extension(String contentType) {
        if (contentType == null) {
            return "";
        }
        try {
            return types.forName(contentType.split(";")[0].strip()).getExtension();
        } catch (MimeTypeException e) {
            return "";
        }
    }
}
