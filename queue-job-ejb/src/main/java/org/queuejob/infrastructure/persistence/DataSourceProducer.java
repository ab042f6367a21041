package org.queuejob.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The queue's data source, looked up once by the JNDI name {@code queue-job.datasource} gives (default {@value
 * #DEFAULT_NAME}). The persistence unit names {@value #DEFAULT_NAME} too: Payara binds a JDBC resource under that
 * name, and WildFly resolves it to {@code java:/jdbc/queue-job} (both for the persistence unit and for this
 * lookup), where its data source is bound. A server that binds it elsewhere sets {@code queue-job.datasource} and
 * overrides the persistence unit's {@code jakarta.persistence.jtaDataSource} alike.
 */
@ApplicationScoped
public class DataSourceProducer {

    /** The JNDI name of the queue's data source unless configured otherwise; the persistence unit's too. */
    public static final String DEFAULT_NAME = "jdbc/queue-job";

    public static final String NAME = "queue-job.datasource";

    private volatile DataSource dataSource;

    @Produces
    @QueueJobDataSource
    DataSource dataSource() {
        DataSource found = dataSource;
        if (found == null) {
            String name = ConfigProvider.getConfig()
                    .getOptionalValue(NAME, String.class)
                    .filter(value -> !value.isBlank())
                    .orElse(DEFAULT_NAME);
            try {
                found = (DataSource) new InitialContext().lookup(name);
            } catch (NamingException e) {
                throw new IllegalStateException(
                        "The queue's data source " + name + " is not bound: create it on the"
                                + " server (see README, Configuration) or set " + NAME + " to its JNDI name",
                        e);
            }
            dataSource = found;
        }
        return found;
    }
}
