package dev.stacks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body. {@code type} is a stable identifier of the kind of problem,
 * {@code parameter} names the request parameter at fault, {@code requestId} matches the log line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String parameter, String requestId) {
}
