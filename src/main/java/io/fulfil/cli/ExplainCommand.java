package io.fulfil.cli;

import io.fulfil.ops.OrderExplanation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Shows an order, its fulfilment orders and backorders, waves, picks, stock movements, parcels with"
                + " their carrier events and intercept requests, cancellation steps, and why each group went where it did.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<order_no>")
    String orderNo;

    @Override
    public Integer call() {
        AppContext.bean(OrderExplanation.class).explain(orderNo).forEach(System.out::println);
        return 0;
    }
}
