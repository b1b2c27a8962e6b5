package io.fulfil.ops;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Adds {@link RunLogContext} to every job and every step the application builds, whichever
 * configuration builds it and whenever it is created (a lazy bean too): to each {@code Job} bean and
 * the steps it holds, and to each {@code Step} bean. A new job needs to do nothing to be named in
 * the log.
 */
@Component
public final class RunLogContextRegistrar implements BeanPostProcessor {

    private final RunLogContext listener = new RunLogContext();
    private final Set<Object> registered = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            if (registered.add(job)) {
                job.registerJobExecutionListener(listener);
            }
            for (String name : job.getStepNames()) {
                register(job.getStep(name));
            }
        }
        if (bean instanceof Step step) {
            register(step);
        }
        return bean;
    }

    private void register(Step step) {
        if (step instanceof AbstractStep abstractStep && registered.add(abstractStep)) {
            abstractStep.registerStepExecutionListener(listener);
        }
    }
}
