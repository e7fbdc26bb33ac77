package dev.stacks.search;

/**
 * A search request that cannot run as given: a query syntax error, a bad date, an unknown sort.
 * Names the parameter and says what is wrong and how to fix it; the API turns it into a 400.
 */
public final class InvalidRequestException extends RuntimeException {
    private final String parameter;

    public InvalidRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
