package io.fulfil.cli;

import io.fulfil.picking.wave.PickLists;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pick-list", mixinStandardHelpOptions = true,
        description = {"Writes a wave's pick list again, from the pick lines stored when the wave was made:",
                "the same bytes while the wave is unchanged (see jobs/wave.md)."},
        footer = {"", "Example: fulfil pick-list W000001",
                "The file: <outbox>/pick-lists/<warehouse_code>/<wave_no>.csv"})
final class PickListCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<wave_no>", description = "wave number, e.g. W000001")
    String waveNo;

    @Override
    public Integer call() {
        Path file = AppContext.bean(PickLists.class).rewrite(waveNo);
        System.out.println("pick list of wave " + waveNo + " written: " + file);
        return 0;
    }
}
