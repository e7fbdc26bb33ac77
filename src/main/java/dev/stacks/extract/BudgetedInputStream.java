package dev.stacks.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An embedded document's decoded bytes, charged to the file's {@link EmbeddedBudget} as they are
 * read, so that a decompression bomb is stopped while it inflates rather than after.
 */
final class BudgetedInputStream extends FilterInputStream {

    /** Thrown when the file's embedded documents have expanded beyond the limit; never escapes the extractor. */
    static final class ExpansionLimitReached extends IOException {
        ExpansionLimitReached() {
            super("embedded documents expand beyond the limit");
        }
    }

    private final EmbeddedBudget budget;

    BudgetedInputStream(InputStream in, EmbeddedBudget budget) {
        super(in);
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            charge(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            charge(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        charge(skipped);
        return skipped;
    }

    private void charge(long n) throws ExpansionLimitReached {
        if (!budget.spend(n)) {
            throw new ExpansionLimitReached();
        }
    }
}
