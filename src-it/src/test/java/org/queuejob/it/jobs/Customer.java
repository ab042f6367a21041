package org.queuejob.it.jobs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An entity of the test application, passed to jobs by reference. */
@Entity
@Table(name = "it_customer")
public class Customer {

    @Id
    private String id;

    private String name;

    protected Customer() {}

    public Customer(String name) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
