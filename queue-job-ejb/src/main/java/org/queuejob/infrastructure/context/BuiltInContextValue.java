package org.queuejob.infrastructure.context;

import org.queuejob.api.JobContextValue;

/** A value the queue carries itself; an application bean with the same key takes its place. */
interface BuiltInContextValue extends JobContextValue {}
