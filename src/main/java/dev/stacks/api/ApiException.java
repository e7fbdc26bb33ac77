package dev.stacks.api;

/**
 * An error the client can act on, thrown by controllers and turned into an RFC 9457 problem body
 * once, by {@link Problems}. {@code parameter} names the offending request parameter, if any.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final String parameter;

    public ApiException(int status, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    public static ApiException badRequest(String parameter, String detail) {
        return new ApiException(400, "Bad request", detail, parameter);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
