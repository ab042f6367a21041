package org.queuejob.web.api;

/**
 * A request body of the API, read by {@link JsonRequestReader}: its public fields are the JSON object's fields, each
 * read only from the JSON type it stands for (a whole number in range for an {@code Integer}, a JSON string for a
 * {@code String}), and a field it does not have is refused. JSON-B's own reading is lenient where a queue must not be:
 * it stores {@code 3.7} as 3, {@code 99999999999} as 1215752191, and drops a misspelt field without a word.
 */
public interface JsonRequest {}
