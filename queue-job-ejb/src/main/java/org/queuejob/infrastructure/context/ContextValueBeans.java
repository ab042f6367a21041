package org.queuejob.infrastructure.context;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.queuejob.api.JobContextValue;

/** Finds every {@link JobContextValue} bean of the deployment, in any of its modules, while CDI discovers them. */
public class ContextValueBeans implements Extension {

    private final List<Bean<?>> beans = new CopyOnWriteArrayList<>();

    <T> void collect(@Observes ProcessBean<T> event) {
        if (event.getBean().getTypes().contains(JobContextValue.class)) {
            beans.add(event.getBean());
        }
    }

    List<Bean<?>> beans() {
        return List.copyOf(beans);
    }
}
