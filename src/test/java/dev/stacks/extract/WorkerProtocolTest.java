package dev.stacks.extract;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerProtocolTest {

    @Test
    void a_request_survives_the_pipe() throws IOException {
        ExtractionLimits limits = new ExtractionLimits(1000, 2000, Duration.ofMillis(1500), 7, 2, 3000);
        WorkerProtocol.Request request = new WorkerProtocol.Request(Path.of("/corpus/originals/ab/abcd"), "Zürich – März.txt", "text/plain", limits);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeRequest(new DataOutputStream(bytes), request);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(WorkerProtocol.readRequest(in)).isEqualTo(request);
        assertThat(WorkerProtocol.readRequest(in)).as("end of the pipe").isNull();
    }

    @Test
    void a_request_without_a_known_type_survives_the_pipe() throws IOException {
        WorkerProtocol.Request request = new WorkerProtocol.Request(Path.of("/in/a.pdf"), null, null, ExtractionLimits.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeRequest(new DataOutputStream(bytes), request);

        assertThat(WorkerProtocol.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))).isEqualTo(request);
    }

    @Test
    void an_extraction_with_attachments_and_nulls_survives_the_pipe() throws IOException {
        Extraction attachment = new Extraction("Yields fell.", null, "text/plain", Map.of("resourceName", List.of("yields.txt")),
                ExtractionStatus.TEXT, null, false, List.of(), Path.of("scratch", "attachment-1-2.bin"));
        Extraction rejected = Extraction.failed(null, ExtractionStatus.REJECTED_UNSUPPORTED, "unsupported type application/zip");
        Extraction message = new Extraction("Dock workers “returned” — 😀 " + "x".repeat(100_000), "Port strike ends", "message/rfc822",
                Map.of("dc:creator", List.of("desk@example.org", "wire"), "Message:Raw-Header:Date", List.of("Mon, 02 Mar 1987")),
                ExtractionStatus.TEXT, null, true, List.of(attachment, rejected));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeResult(new DataOutputStream(bytes), message);

        assertThat(WorkerProtocol.readResult(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))).isEqualTo(message);
    }

    @Test
    void a_worker_that_died_before_answering_is_an_end_of_file() {
        DataInputStream empty = new DataInputStream(new ByteArrayInputStream(new byte[0]));
        assertThatThrownBy(() -> WorkerProtocol.readResult(empty)).isInstanceOf(EOFException.class);
    }

    @Test
    void stray_bytes_are_a_protocol_error_not_an_allocation() {
        DataInputStream garbage = new DataInputStream(new ByteArrayInputStream("Rgarbage printed by a library".getBytes()));
        assertThatThrownBy(() -> WorkerProtocol.readResult(garbage)).isInstanceOf(IOException.class).hasMessageContaining("protocol error");
    }
}
