/** Sample jobs that keep the demo's back office busy; not part of the library. */
package org.queuejob.sample;
