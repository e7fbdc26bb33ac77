package dev.stacks.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames {@link ForkedExtractor} and {@link ExtractWorker} exchange over the worker's stdin and
 * stdout: binary, length-prefixed, one request and one result per file. Binary rather than JSON
 * because a news story's whole extraction takes a fraction of a millisecond and the pipe must cost
 * less than that; strings are UTF-8 with an int length (-1 for null), so a 5 MB text needs no escaping.
 *
 * <pre>
 * worker → parent, once when ready:  'H'
 * parent → worker, per file:         'X' path name contentType maxChars maxFileBytes timeoutMillis maxEmbedded maxEmbeddedDepth maxExpandedBytes
 * worker → parent, per file:         'R' extraction
 * extraction:  text title contentType metadataCount (key valueCount value…)… status reason truncated file attachmentCount extraction…
 * </pre>
 */
final class WorkerProtocol {
    static final int HELLO = 'H';
    static final int REQUEST = 'X';
    static final int RESULT = 'R';

    /** No string is longer (a 5 M-character text is at most 20 MB); a larger length means a corrupt stream. */
    private static final int MAX_STRING_BYTES = 256 << 20;

    /**
     * One file to extract.
     *
     * @param contentType the type the parent already detected, so that the worker does not detect it
     *                    again; null to let the worker detect it
     */
    record Request(Path file, String fileName, String contentType, ExtractionLimits limits) {
    }

    private WorkerProtocol() {
    }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        out.writeByte(REQUEST);
        writeString(out, request.file().toString());
        writeString(out, request.fileName());
        writeString(out, request.contentType());
        ExtractionLimits limits = request.limits();
        out.writeInt(limits.maxChars());
        out.writeLong(limits.maxFileBytes());
        out.writeLong(limits.timeout().toMillis());
        out.writeInt(limits.maxEmbedded());
        out.writeInt(limits.maxEmbeddedDepth());
        out.writeLong(limits.maxExpandedBytes());
    }

    /** The next request, or null when the parent has closed the pipe (time to exit). */
    static Request readRequest(DataInputStream in) throws IOException {
        int tag = in.read();
        if (tag < 0) {
            return null;
        }
        expect(tag, REQUEST);
        Path file = Path.of(readString(in));
        String fileName = readString(in);
        String contentType = readString(in);
        ExtractionLimits limits = new ExtractionLimits(in.readInt(), in.readLong(), Duration.ofMillis(in.readLong()),
                in.readInt(), in.readInt(), in.readLong());
        return new Request(file, fileName, contentType, limits);
    }

    /** The limits as command-line arguments, for the worker to prepare with. */
    static List<String> limitsAsArguments(ExtractionLimits limits) {
        return List.of(String.valueOf(limits.maxChars()), String.valueOf(limits.maxFileBytes()),
                String.valueOf(limits.timeout().toMillis()), String.valueOf(limits.maxEmbedded()),
                String.valueOf(limits.maxEmbeddedDepth()), String.valueOf(limits.maxExpandedBytes()));
    }

    static ExtractionLimits limitsFromArguments(List<String> args) {
        return new ExtractionLimits(Integer.parseInt(args.get(0)), Long.parseLong(args.get(1)),
                Duration.ofMillis(Long.parseLong(args.get(2))), Integer.parseInt(args.get(3)),
                Integer.parseInt(args.get(4)), Long.parseLong(args.get(5)));
    }

    static void writeResult(DataOutputStream out, Extraction extraction) throws IOException {
        out.writeByte(RESULT);
        writeExtraction(out, extraction);
    }

    /** The result of the request just sent; EOFException if the worker died before answering. */
    static Extraction readResult(DataInputStream in) throws IOException {
        expect(in.read(), RESULT);
        return readExtraction(in);
    }

    static void writeHello(DataOutputStream out) throws IOException {
        out.writeByte(HELLO);
    }

    static void readHello(DataInputStream in) throws IOException {
        expect(in.read(), HELLO);
    }

    private static void writeExtraction(DataOutputStream out, Extraction e) throws IOException {
        writeString(out, e.text());
        writeString(out, e.title());
        writeString(out, e.contentType());
        out.writeInt(e.metadata().size());
        for (Map.Entry<String, List<String>> entry : e.metadata().entrySet()) {
            writeString(out, entry.getKey());
            out.writeInt(entry.getValue().size());
            for (String value : entry.getValue()) {
                writeString(out, value);
            }
        }
        out.writeByte(e.status().ordinal());
        writeString(out, e.reason());
        out.writeBoolean(e.truncated());
        writeString(out, e.file() == null ? null : e.file().toString());
        out.writeInt(e.attachments().size());
        for (Extraction attachment : e.attachments()) {
            writeExtraction(out, attachment);
        }
    }

    private static Extraction readExtraction(DataInputStream in) throws IOException {
        String text = readString(in);
        String title = readString(in);
        String contentType = readString(in);
        int keys = in.readInt();
        Map<String, List<String>> metadata = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            String key = readString(in);
            int n = in.readInt();
            List<String> values = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                values.add(readString(in));
            }
            metadata.put(key, values);
        }
        ExtractionStatus status = ExtractionStatus.values()[in.readUnsignedByte()];
        String reason = readString(in);
        boolean truncated = in.readBoolean();
        String file = readString(in);
        int n = in.readInt();
        List<Extraction> attachments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            attachments.add(readExtraction(in));
        }
        return new Extraction(text, title, contentType, metadata, status, reason, truncated, attachments,
                file == null ? null : Path.of(file));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > MAX_STRING_BYTES) {
            throw new IOException("protocol error: a string of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void expect(int tag, int wanted) throws IOException {
        if (tag < 0) {
            throw new EOFException("the worker closed the pipe");
        }
        if (tag != wanted) {
            throw new IOException("protocol error: expected frame '" + (char) wanted + "', got byte " + tag);
        }
    }
}
