package io.fulfil.ops;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * A job's validator that refuses parameters the job does not know, so a typo ({@code keep-day=7}) is
 * not silently ignored. {@code run.id} and {@code requested.by} (added by the command line and the
 * schedules) are always allowed.
 */
public final class KnownParameters {

    private KnownParameters() {
    }

    /** @param usage what the job takes, in words, e.g. {@code "[repair=true]"} */
    public static JobParametersValidator of(String jobName, Set<String> names, String usage) {
        Set<String> known = new TreeSet<>(names);
        known.add("run.id");
        known.add("requested.by");
        return parameters -> {
            List<String> unknown = parameters == null ? List.of()
                    : parameters.parameters().stream().map(JobParameter::name).filter(n -> !known.contains(n))
                            .sorted().toList();
            if (!unknown.isEmpty()) {
                throw new InvalidJobParametersException("unknown parameter(s) for job " + jobName + ": "
                        + String.join(", ", unknown) + "; it takes: " + usage);
            }
        };
    }
}
