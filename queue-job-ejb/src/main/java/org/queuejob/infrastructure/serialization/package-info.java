/**
 * How job arguments become JSON and come back: {@link org.queuejob.infrastructure.serialization.ArgumentCodec}
 * (JSON-B, with a round-trip check at enqueue) and the entity references it stores for JPA entities. No Java
 * serialisation anywhere: a stored row can only name data, never code.
 */
package org.queuejob.infrastructure.serialization;
