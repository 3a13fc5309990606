/** The admin API's protection by Keyledger's own access tokens: who may call which endpoint. */
package dev.keyledger.token.admin;
