package org.queuejob.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.sql.Timestamp;

/** A row about the size of a job row: the "plain JPA persist" an enqueue is compared with. */
@Entity
@Table(name = "bench_row")
public class BenchRow {

    @Id
    @SequenceGenerator(name = "bench_row_seq", sequenceName = "bench_row_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_row_seq")
    private Long id;

    private String uuid;
    private String description;
    private String jobFunction;

    @Column(length = 1000)
    private String arguments;

    private String state;
    private int priority;
    private String channel;
    private Timestamp created;

    protected BenchRow() {}

    BenchRow(String uuid, String arguments, Timestamp created) {
        this.uuid = uuid;
        this.description = "NoopJobs.noop";
        this.jobFunction = "org.queuejob.bench.NoopJobs.noop";
        this.arguments = arguments;
        this.state = "pending";
        this.priority = 10;
        this.channel = "root";
        this.created = created;
    }
}
