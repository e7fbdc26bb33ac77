package dev.stacks.extract;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hands {@code AutoDetectParser} the type that {@link TikaExtractor} has already detected, so that
 * the magic-number scan (most of the cost of a small file) runs once per file instead of twice.
 * Embedded documents carry no preset and are detected as usual.
 */
final class PresetDetector implements Detector {
    private static final long serialVersionUID = 1L;

    /** A private metadata key, removed as soon as it is read so that it never reaches an Extraction. */
    private static final String PRESET = "X-Stacks:preset-type";

    private final Detector detector;

    PresetDetector(Detector detector) {
        this.detector = detector;
    }

    static void preset(Metadata metadata, String contentType) {
        metadata.set(PRESET, contentType);
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        String preset = metadata.get(PRESET);
        if (preset != null) {
            metadata.remove(PRESET);
            return MediaType.parse(preset);
        }
        return detector.detect(input, metadata);
    }
}
