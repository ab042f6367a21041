/**
 * How the back office writes values for people: instants in UTC to the second, short class and job function names,
 * indented JSON, seconds. Pure functions and a Faces converter, shared by the pages and unit-tested alone.
 */
package org.queuejob.web.format;
