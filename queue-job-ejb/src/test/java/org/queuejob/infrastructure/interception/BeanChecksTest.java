package org.queuejob.infrastructure.interception;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.transaction.Transactional;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuejob.api.Job;

class BeanChecksTest {

    public static class Mailer {
        @Job
        public void send(String to) {}
    }

    public interface Sender {
        @Job
        void send(String to);
    }

    public static class Exporter {
        @Job
        public void export(long id) {}
    }

    /** Overrides the job without @Job: calls to it would run at once. */
    public static class CsvExporter extends Exporter {
        @Override
        public void export(long id) {}
    }

    /** Overrides it with @Job: a job function of its own. */
    public static class PdfExporter extends Exporter {
        @Override
        @Job
        public void export(long id) {}
    }

    /** Inherits it as it is: the superclass's job function. */
    public static class PlainExporter extends Exporter {}

    public static class SenderImpl implements Sender {
        @Override
        public void send(String to) {}
    }

    public static class Unfit {
        @Job
        @Asynchronous
        public void later() {}

        @Job
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void apart() {}

        @Job
        @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
        public void without() {}

        @Job
        @Transactional(Transactional.TxType.MANDATORY)
        public void inTheCallers() {}
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public static class AllApart {
        @Job
        public void inherited() {}

        @Job
        @Transactional
        public void own() {}
    }

    @Test
    void aJobOverriddenWithoutJob_isNamed_becauseCallsToTheOverrideWouldRunAtOnce() throws Exception {
        assertThat(BeanChecks.jobsNotSeen(CsvExporter.class))
                .containsExactly("@Job on " + Exporter.class.getName() + ".export is not seen: "
                        + CsvExporter.class.getName() + ".export overrides it without @Job, so calls to it would run"
                        + " at once and store nothing (annotations on methods are not inherited). Put @Job on the"
                        + " overriding method.");
        assertThat(BeanChecks.jobsNotSeen(SenderImpl.class))
                .singleElement()
                .asString()
                .startsWith("@Job on " + Sender.class.getName() + ".send is not seen: " + SenderImpl.class.getName()
                        + ".send overrides it without @Job");
        assertThat(BeanChecks.jobsNotSeen(PdfExporter.class)).isEmpty();
        assertThat(BeanChecks.jobsNotSeen(PlainExporter.class)).isEmpty();
        assertThat(BeanChecks.jobsNotSeen(Mailer.class)).isEmpty();
    }

    @Test
    void aJobThatIsAlsoAsynchronousOrInATransactionOfItsOwn_isRefused_andOneInTheCallersIsNot() throws Exception {
        assertThat(BeanChecks.unfitCombination(Unfit.class, Unfit.class.getMethod("later")))
                .get()
                .asString()
                .contains("is also @Asynchronous");
        assertThat(BeanChecks.unfitCombination(Unfit.class, Unfit.class.getMethod("apart")))
                .contains("@Job method " + Unfit.class.getName() + ".apart asks for a transaction type"
                        + " @Transactional(REQUIRES_NEW): the job would be stored outside the caller's transaction (and"
                        + " kept when it rolls back), and its work would not commit with its done mark. Use REQUIRED"
                        + " (the default), SUPPORTS or MANDATORY.");
        assertThat(BeanChecks.unfitCombination(Unfit.class, Unfit.class.getMethod("without")))
                .get()
                .asString()
                .contains("@TransactionAttribute(NOT_SUPPORTED)");
        assertThat(BeanChecks.unfitCombination(Unfit.class, Unfit.class.getMethod("inTheCallers")))
                .isEmpty();
    }

    @Test
    void aClassWideTransactionOfItsOwn_isRefused_unlessTheMethodSaysOtherwise() throws Exception {
        assertThat(BeanChecks.unfitCombination(AllApart.class, AllApart.class.getMethod("inherited")))
                .isPresent();
        assertThat(BeanChecks.unfitCombination(AllApart.class, AllApart.class.getMethod("own")))
                .isEmpty();
    }

    @Test
    void aBeanInAScopeNoWorkerHas_orGivenOutOnlyAsItsInterfaces_isRefused() throws Exception {
        Method send = Mailer.class.getMethod("send", String.class);

        assertThat(BeanChecks.unfitBean(new StubBean(Mailer.class, SessionScoped.class, Mailer.class), send))
                .contains("@Job method " + Mailer.class.getName() + ".send is on a @SessionScoped bean ("
                        + Mailer.class.getName() + "): workers run jobs outside any session, conversation or view,"
                        + " so every run would fail. Put it on an @ApplicationScoped, @Dependent or session bean.");
        assertThat(BeanChecks.unfitBean(new StubBean(SenderImpl.class, Dependent.class, Sender.class), send))
                .contains("@Job method " + Mailer.class.getName() + ".send is on " + SenderImpl.class.getName()
                        + ", which CDI gives out only as " + Sender.class.getName() + ": workers call the method on"
                        + " the bean's own class. Add @LocalBean to the session bean, or take its class out of"
                        + " @Typed.");
        assertThat(BeanChecks.unfitBean(new StubBean(Mailer.class, ApplicationScoped.class, Mailer.class), send))
                .isEmpty();
        assertThat(BeanChecks.unfitBean(new StubBean(Mailer.class, Dependent.class, Mailer.class), send))
                .isEmpty();
    }

    /** Only what the checks read: the class, the scope and the types. */
    private record StubBean(Class<?> beanClass, Class<? extends Annotation> scope, Class<?> type)
            implements Bean<Object> {

        @Override
        public Class<?> getBeanClass() {
            return beanClass;
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }

        @Override
        public Object create(CreationalContext<Object> context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroy(Object instance, CreationalContext<Object> context) {}

        @Override
        public Set<Type> getTypes() {
            return Set.of(type, Object.class);
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of();
        }

        @Override
        public Class<? extends Annotation> getScope() {
            return scope;
        }

        @Override
        public String getName() {
            return null;
        }

        @Override
        public Set<Class<? extends Annotation>> getStereotypes() {
            return Set.of();
        }

        @Override
        public boolean isAlternative() {
            return false;
        }
    }
}
