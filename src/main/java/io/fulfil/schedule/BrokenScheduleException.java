package io.fulfil.schedule;

/** A schedule file or override that cannot be used; the message names the file or key and the reason. */
public class BrokenScheduleException extends RuntimeException {

    public BrokenScheduleException(String message) {
        super(message);
    }
}
