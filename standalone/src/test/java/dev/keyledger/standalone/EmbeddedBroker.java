package dev.keyledger.standalone;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft broker in the test JVM (spring-kafka-test), for the Kafka publisher's tests. */
final class EmbeddedBroker {

    private EmbeddedBroker() {
    }

    /** Started, on a random port. */
    static EmbeddedKafkaBroker start() {
        EmbeddedKafkaBroker broker = on(0);
        broker.afterPropertiesSet();
        return broker;
    }

    /**
     * Not started yet: it will listen on {@code port} once {@code afterPropertiesSet()} is called. (Its
     * {@code kafkaPorts} setting is ignored in KRaft mode; the listener has to be set as a broker property.)
     */
    static EmbeddedKafkaBroker on(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
        // By default it publishes itself as the system property spring.kafka.bootstrap-servers, which would
        // switch the publisher on in every later test of this JVM.
        broker.brokerListProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        return broker;
    }
}
