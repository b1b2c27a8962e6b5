package io.fulfil.ops;

/**
 * An operator's request about a run (restart, stop, abandon) that cannot be done, with the reason
 * and, where there is one, what to do instead. The command line prints its message and exits 1.
 */
public class RunRefusedException extends RuntimeException {

    public RunRefusedException(String message) {
        super(message);
    }
}
