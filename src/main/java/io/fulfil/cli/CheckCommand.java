package io.fulfil.cli;

import io.fulfil.ops.InvariantChecks;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks the invariants of the contract (money, quantities, stock) over the whole database.")
final class CheckCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return report(AppContext.bean(InvariantChecks.class).check());
    }

    static int report(List<InvariantChecks.Violation> violations) {
        if (violations.isEmpty()) {
            System.out.println("invariants: all hold (money to the cent, line quantities, stock)");
            return 0;
        }
        violations.forEach(v -> System.out.println("  VIOLATED " + v));
        System.err.println("fulfil: " + violations.size() + " invariant violation(s), first: " + violations.get(0));
        return 1;
    }
}
