package dev.hivemind.dist.cli;

/**
 * A command could not do what was asked, for a reason the user can act on ("no client with id 7"). Printed as
 * one line on standard error; exit status 1.
 */
public class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliFailure(String message) {
        super(message);
    }
}
