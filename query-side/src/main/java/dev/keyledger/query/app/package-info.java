/**
 * This side as a separately runnable Spring Boot service (the distributed topology of docker-compose.yml). Left out
 * of the standalone jar, where the sides share one JVM.
 */
package dev.keyledger.query.app;
